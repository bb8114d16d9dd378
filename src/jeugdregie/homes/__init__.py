# SPDX-License-Identifier: EUPL-1.2
"""The role homes: what each role sees first. Top layer: it asks every app for its figures."""

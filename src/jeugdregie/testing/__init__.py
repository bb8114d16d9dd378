# SPDX-License-Identifier: EUPL-1.2
"""Factories and fixtures shared by the test suites (not used at run time)."""

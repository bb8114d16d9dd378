# SPDX-License-Identifier: EUPL-1.2
"""The use cases that span apps, on top of them: grant an allocation, answer a JW315/JW317,
decide a case or an extension, import a region's master data. A workflow calls the checks
that may refuse (client stop, contracted supply, nee-tenzij) before it writes, writes through
the apps' services, and then lets the apps that follow (the budget ledger, the message
transport) do their part, in one transaction. The apps below do not know this package.
"""

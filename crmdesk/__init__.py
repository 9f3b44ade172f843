"""crmdesk: a desktop CRM for account managers, usable offline."""

__version__ = "0.1.0"

"""crmdesk's data files (translations, icons, templates, label stock), installed as crmdesk.resources.

Code reads them through crmdesk.core.resources (importlib.resources), never by a source-tree path.
"""

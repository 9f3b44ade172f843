"""Everything Qt: panes, dialogs, widgets and the item models that adapt services to views."""

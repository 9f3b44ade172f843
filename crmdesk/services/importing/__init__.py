"""Imports of contact files (vCard, CSV, Excel) and of order history, previewed and then done in
one transaction: all of it or none of it.

What a row of a contact file becomes (the preview counts these, and the import does exactly that):

- **new**: it matches no contact in the database nor an earlier row of the file; it will be created.
- **updated**: it strongly matches an existing contact, or an earlier row of the same file, and
  brings something that contact lacks (a phone, an e-mail, an address, a tag, or a value for a field
  that is empty there); the new values are merged in, nothing already there is overwritten.
- **duplicate**: it strongly matches and brings nothing new; it is skipped.
- **rejected**: it cannot become a contact (no name, phone or e-mail; a value the contact form
  refuses; a row the reader could not read). Never silently dropped: the import refuses to run,
  naming the first rejected line, unless the caller allows rejected rows to be skipped.

A strong match is the vCard's UID, the same phone number (E.164), the same e-mail address
(normalised), or the same name at the same organisation. A name alone is not enough to merge two
people: such a row is imported as new and listed as a *possible duplicate*.

Organisations: a contact is linked to the live account with the same name (compared without case
and extra spaces); an account is created once for each name that has none.

The preview and the import share one plan (`common.plan_for`). Rows are written by the one
logged bulk writer (`store.bulk.BulkWriter`), so an import is change-logged, undoable and
searchable like any other write.

The package: `files` (sniffing and reading), `plan` (what each contact row does), `results`
(preview and result types), `contacts` and `orders` (preview and import), `common`.
"""

from crmdesk.services.importing.common import (
    CHUNK,
    PREVIEW_ROWS,
    Cancelled,
    ImportCancelled,
    Progress,
    organisation_key,
)
from crmdesk.services.importing.contacts import import_contacts, preview_contacts
from crmdesk.services.importing.files import (
    ContactBatch,
    MappingGiven,
    OrderBatch,
    Rejection,
    file_format,
    mapping_json,
    read_columns,
    read_contact_data,
    read_contact_file,
    read_order_data,
    read_order_file,
)
from crmdesk.services.importing.orders import (
    MatchedBy,
    OrderAction,
    OrderImportResult,
    OrderPreview,
    OrderPreviewRow,
    UnmatchedOrder,
    import_orders,
    preview_orders,
)
from crmdesk.services.importing.plan import prepare_record
from crmdesk.services.importing.results import (
    ImportPreview,
    ImportResult,
    PossibleDuplicate,
    PreviewRow,
    RowAction,
)

__all__ = [
    "CHUNK",
    "PREVIEW_ROWS",
    "Cancelled",
    "ContactBatch",
    "ImportCancelled",
    "ImportPreview",
    "ImportResult",
    "MappingGiven",
    "MatchedBy",
    "OrderAction",
    "OrderBatch",
    "OrderImportResult",
    "OrderPreview",
    "OrderPreviewRow",
    "PossibleDuplicate",
    "PreviewRow",
    "Progress",
    "Rejection",
    "RowAction",
    "UnmatchedOrder",
    "file_format",
    "import_contacts",
    "import_orders",
    "mapping_json",
    "organisation_key",
    "prepare_record",
    "preview_contacts",
    "preview_orders",
    "read_columns",
    "read_contact_data",
    "read_contact_file",
    "read_order_data",
    "read_order_file",
]

"""The chronology's storage: documents, dated references, actions and own entries, in date order.

One module per idea: `fields` (an entry's columns as the domain's fields), `entries` (what analysis
writes), `listing` (the listing SQL), `conflicts` (candidates and stored conflicts), `rows` (rows
hydrated with their citations), `editing` (a person's edits and their undo), `links` (what dating a
document by its links reads). The rules they apply live in domain/ (chronology, conflicts).
"""

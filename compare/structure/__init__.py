"""Stage 2, structure: `SourceText` -> `Report`.

`parse` (the outline and paragraphs), `headings` (markers and levels), `boilerplate` (page chrome,
signatures), `metadata` (issuer, year, language) and `roles` (what each part is for; the plan part
is decided here, once). Import the submodules directly.
"""

# From Arize-ai/phoenix, src/phoenix/server/api/__init__.py (fix b6f102e27ec75e91afc4a4cb508747b8968c14dd; before/ is its parent).

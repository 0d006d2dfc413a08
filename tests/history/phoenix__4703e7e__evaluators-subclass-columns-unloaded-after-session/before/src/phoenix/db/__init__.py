# From Arize-ai/phoenix, src/phoenix/db/__init__.py (fix 4703e7e5eab5559d0732ec15aa3330cabd68271d; before/ is its parent).

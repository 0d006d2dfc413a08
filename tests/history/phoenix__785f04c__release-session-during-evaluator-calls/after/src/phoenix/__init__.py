# Reduced from Arize-ai/phoenix, src/phoenix/__init__.py, at 785f04c235824cd9ae31482f631f6140a3341045 (the fix).

# Reduced from Arize-ai/phoenix, src/phoenix/server/api/__init__.py, at 87f6d8e74944970dd2d7db07fc5a72c69e382113 (parent of fix 785f04c235824cd9ae31482f631f6140a3341045).

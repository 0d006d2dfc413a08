# Reduced from langgenius/dify, api/core/helper/encrypter.py at a74e12809bc05113fb28737118fb5f97dfc23982 (the fix)
import base64


def encrypt_token(tenant_id: str, token: str):
    # (reduced: RSA encryption with the tenant's public key, read through db.session.get(Tenant, ...), is cut)
    return base64.b64encode(token.encode()).decode()


def decrypt_token(tenant_id: str, token: str) -> str:
    # (reduced: RSA decryption with the tenant's private key is cut)
    return base64.b64decode(token).decode()

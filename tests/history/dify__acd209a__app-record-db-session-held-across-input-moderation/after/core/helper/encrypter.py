# Reduced from langgenius/dify, api/core/helper/encrypter.py at acd209a890507da03a7d2904da349225eb016381 (the fix)
import base64


def decrypt_token(tenant_id: str, token: str) -> str:
    # (reduced: libs.rsa.decrypt() with the tenant's private key, which libs.rsa loads from
    #  Redis or the storage backend; cut)
    raise NotImplementedError

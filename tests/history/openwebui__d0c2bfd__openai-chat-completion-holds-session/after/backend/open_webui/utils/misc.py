# From open-webui/open-webui, backend/open_webui/utils/misc.py (fix d0c2bfdbff2b12e8190379cef8f442b1cf210470; before/ is its parent), reduced.
async def stream_chunks_handler(stream):
    async for chunk in stream:
        yield chunk

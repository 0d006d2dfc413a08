import httpx


class YahooFinanceProvider:
    async def fetch_price_data(self, symbol: str) -> list[dict]:
        async with httpx.AsyncClient(timeout=30) as client:
            resp = await client.get(f"https://query1.finance.yahoo.com/v8/finance/chart/{symbol}")
            resp.raise_for_status()
        return resp.json()["chart"]["result"]

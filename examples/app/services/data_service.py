"""Seed 004: the request's session kept by a service across a 30-second Yahoo Finance call."""
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from app.providers.yahoo import YahooFinanceProvider


class DataService:
    def __init__(self, session: AsyncSession, provider: YahooFinanceProvider | None = None) -> None:
        self.session = session  # DBS019
        self.provider = provider or YahooFinanceProvider()

    async def get_price_data(self, symbol: str) -> list[dict]:
        cached = (await self.session.execute(select(text("1")))).all()
        if cached:
            return []
        points = await self.provider.fetch_price_data(symbol)  # DBS018
        await self.session.commit()
        return points

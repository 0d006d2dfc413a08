"""Seed 000: a thread module kept an import that app.core.database no longer offers."""
import threading

from app.core.database import AsyncSessionFactory  # DBS002


class DataProcessor(threading.Thread):
    def run(self) -> None:
        print(AsyncSessionFactory)

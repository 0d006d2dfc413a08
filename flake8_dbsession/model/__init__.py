"""What each expression of a file is: sessions, factories, engines, connections (sync or async)."""

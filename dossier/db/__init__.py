"""Storage: SQLAlchemy models, engine, migrations, repositories and the search index."""

"""sitdash: conflict news -> a durable store of claims, shown in a terminal dashboard."""

__version__ = "0.1.0"

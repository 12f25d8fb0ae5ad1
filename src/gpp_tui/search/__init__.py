"""Search over content packs and the user's annotations (no textual here)."""

from gpp_tui.search.documents import MatchField, UserDoc
from gpp_tui.search.index import SearchIndex
from gpp_tui.search.query import Query, parse_query
from gpp_tui.search.results import Hit
from gpp_tui.search.text import fold, tokens

__all__ = ["Hit", "MatchField", "Query", "SearchIndex", "UserDoc", "fold", "parse_query", "tokens"]

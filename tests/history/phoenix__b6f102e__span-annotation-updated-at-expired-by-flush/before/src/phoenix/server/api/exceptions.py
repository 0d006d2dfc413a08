# From Arize-ai/phoenix, src/phoenix/server/api/exceptions.py (fix b6f102e27ec75e91afc4a4cb508747b8968c14dd; before/ is its parent), reduced.
class CustomGraphQLError(Exception):
    """
    An error that represents an expected error scenario in a GraphQL resolver.
    """


class BadRequest(CustomGraphQLError):
    """
    An error raised due to a malformed or invalid request.
    """

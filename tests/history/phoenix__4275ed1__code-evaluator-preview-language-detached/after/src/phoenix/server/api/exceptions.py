# From Arize-ai/phoenix, src/phoenix/server/api/exceptions.py (fix 4275ed1c7a320feb68cb0994194116ab6f2731ef; before/ is its parent), reduced.
class CustomGraphQLError(Exception):
    """
    An error that represents an expected error scenario in a GraphQL resolver.
    """


class BadRequest(CustomGraphQLError):
    """
    An error raised due to a malformed or invalid request.
    """

"""Response headers that every page carries."""

from django.conf import settings


class PermissionsPolicyMiddleware:
    """Set the Permissions-Policy header: browser features no page of Samverkan uses are denied."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = ", ".join(f"{feature}=()" for feature in settings.SAMVERKAN_PERMISSIONS_POLICY_DENY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy:
            response.headers.setdefault("Permissions-Policy", self.policy)
        return response

"""Token authentication for agency systems: one token per system, stored only as a SHA-256 hash."""

from __future__ import annotations

import hashlib

from rest_framework import authentication, exceptions


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class AgencySystemTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode("latin-1")
        if not header:
            return None
        scheme, _, token = header.partition(" ")
        if scheme not in ("Bearer", "Token") or not token.strip():
            return None
        from joinedup.api.models import ApiClient

        client = ApiClient.objects.select_related("user__agency").filter(
            token_hash=hash_token(token.strip()), revoked_at__isnull=True
        ).first()
        if client is None or not client.user.is_active:
            raise exceptions.AuthenticationFailed("invalid or revoked token")
        return client.user, client

    def authenticate_header(self, request):
        return self.keyword

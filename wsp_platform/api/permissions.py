"""Scopes per resource group: ``<group>.read`` for safe methods, ``<group>.write`` otherwise."""

from rest_framework import permissions

from .authentication import ClientPrincipal


class HasScope(permissions.BasePermission):
    message = "Deze API-client heeft geen toegang tot deze gegevens (ontbrekende scope)."

    def has_permission(self, request, view):
        if not isinstance(request.user, ClientPrincipal):
            return False
        group = getattr(view, "scope_group", None)
        if group is None:
            return True
        write = request.method not in permissions.SAFE_METHODS and not getattr(view, "read_only_action", False)
        scope = f"{group}.{'write' if write else 'read'}"
        return scope in request.user.scopes

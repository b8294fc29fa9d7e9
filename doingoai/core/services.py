"""Writes shared by every model: saving a form and (de)activating a record, both under the acting user."""

from django.db import transaction

from doingoai.core.history import acting_user


def save_form(form, user):
    """Save a validated ModelForm (and its many-to-many fields) as `user`, in one transaction."""
    with transaction.atomic(), acting_user(user):
        return form.save()


def set_active(obj, active: bool, user):
    """Deactivate or reactivate a record that is never deleted because its history must stay whole."""
    if obj.is_active == active:
        return obj
    with transaction.atomic(), acting_user(user):
        obj.is_active = active
        obj.save(update_fields=["is_active", "updated_at"] if hasattr(obj, "updated_at") else ["is_active"])
    return obj

"""Authentication backend: Django's, with the user's agency loaded in the same query."""

from django.contrib.auth.backends import ModelBackend


class AgencyModelBackend(ModelBackend):
    """Every page shows the signed-in user's agency; load it with the user rather than after."""

    def get_user(self, user_id):
        user = self.user_model_queryset().filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None

    def user_model_queryset(self):
        from django.contrib.auth import get_user_model

        return get_user_model()._default_manager.select_related("agency")

"""The base of every API endpoint: permissions from core/permissions.py, pagination, model validation."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import ProtectedError
from django.utils.translation import gettext as _
from rest_framework import serializers, status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from doingoai.core import permissions
from doingoai.core.history import acting_user
from doingoai.core.permissions import Action
from doingoai.core.services import set_active


class StandardPagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500


def exception_handler(exc, context):
    """DRF's handler, plus model validation and protected deletes answered as 400/409, never 500."""
    if isinstance(exc, DjangoValidationError):
        exc = ValidationError(exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages})
    if isinstance(exc, ProtectedError):
        return Response(
            {"detail": _("Không xóa được vì còn dữ liệu khác liên kết tới.")}, status=status.HTTP_409_CONFLICT
        )
    return drf_exception_handler(exc, context)


class BaseModelSerializer(serializers.ModelSerializer):
    """A ModelSerializer that also runs the model's own validation (`full_clean`), so the API
    refuses exactly what the forms refuse, with the same Vietnamese messages at the same fields."""

    display = serializers.CharField(source="__str__", read_only=True)

    def validate(self, attrs):
        attrs = super().validate(attrs)
        model = self.Meta.model
        many = {f.name for f in model._meta.many_to_many}
        values = {key: value for key, value in attrs.items() if key not in many}
        instance = model(**self._stored_values())
        for key, value in values.items():
            setattr(instance, key, value)
        exclude = [f.name for f in model._meta.concrete_fields if f.name not in values]
        try:
            instance.full_clean(exclude=exclude, validate_unique=False)
        except DjangoValidationError as error:
            raise ValidationError(error.message_dict) from error
        # clean() may normalise values (trimmed aliases, say): keep what it settled on.
        return {**attrs, **{key: getattr(instance, key) for key in values}}

    def _stored_values(self) -> dict:
        if self.instance is None:
            return {}
        return {f.attname: getattr(self.instance, f.attname) for f in self.Meta.model._meta.concrete_fields}


class BaseViewSet(viewsets.ModelViewSet):
    """List, read, create, change and delete through the permission core, as the acting user.

    DELETE deactivates a record that has `is_active`, because such records keep their history.
    """

    # Set here rather than in REST_FRAMEWORK settings: DRF imports those while this module loads.
    pagination_class = StandardPagination

    def get_queryset(self):
        # Writes are checked per object by RolePermission; the rows are those the user may view.
        return permissions.restrict(self.queryset.all(), self.request.user, Action.VIEW)

    def perform_create(self, serializer):
        with acting_user(self.request.user):
            serializer.save()

    def perform_update(self, serializer):
        with acting_user(self.request.user):
            serializer.save()

    def perform_destroy(self, instance):
        if hasattr(instance, "is_active"):
            set_active(instance, False, self.request.user)
        else:
            with acting_user(self.request.user):
                instance.delete()


class OwnedRecordMixin:
    """For a viewset of agency-owned records: the record as it will be saved must be one the user
    may add or change, so an agency officer cannot file it under, or move it to, another agency."""

    def _check_owner(self, serializer, action: Action):
        model = serializer.Meta.model
        columns = {f.name for f in model._meta.concrete_fields}
        values = {key: value for key, value in serializer.validated_data.items() if key in columns}
        permissions.require(self.request.user, action, model(**{**serializer._stored_values(), **values}))

    def perform_create(self, serializer):
        self._check_owner(serializer, Action.ADD)
        super().perform_create(serializer)
        serializer.instance.refresh_search_text()

    def perform_update(self, serializer):
        self._check_owner(serializer, Action.CHANGE)
        super().perform_update(serializer)
        serializer.instance.refresh_search_text()

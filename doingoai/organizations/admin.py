from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from doingoai.core.admin import PermissionAdmin

from .models import Agency, AgencyGroup, User


@admin.register(Agency)
class AgencyAdmin(PermissionAdmin):
    list_display = ["code", "name", "kind", "is_border", "is_active"]
    list_filter = ["kind", "is_border", "is_active"]
    search_fields = ["code", "name", "search_text"]


@admin.register(AgencyGroup)
class AgencyGroupAdmin(PermissionAdmin):
    list_display = ["code", "name", "is_active"]
    filter_horizontal = ["members"]


@admin.register(User)
class UserAdmin(PermissionAdmin, DjangoUserAdmin):
    list_display = ["username", "last_name", "first_name", "agency", "role", "is_active"]
    list_filter = ["role", "is_active", "agency"]
    fieldsets = [
        *DjangoUserAdmin.fieldsets[:2],
        (_("Cơ quan và vai trò"), {"fields": ["agency", "role", "title", "phone"]}),
        (_("Trạng thái"), {"fields": ["is_active", "last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"fields": ["username", "agency", "role", "password1", "password2"]})]

"""Pages for agencies, agency groups and users, built from the generic views of core."""

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from doingoai.core import permissions, views
from doingoai.core.permissions import Action

from . import filtersets, forms, tables
from .models import Agency, AgencyGroup, User
from .services import change_password


class AgencyListView(views.ObjectListView):
    model = Agency
    table_class = tables.AgencyTable
    filterset_class = filtersets.AgencyFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related("parent")


class AgencyDetailView(views.ObjectDetailView):
    model = Agency

    def get_queryset(self):
        return super().get_queryset().select_related("parent")

    def get_context_data(self, obj):
        context = super().get_context_data(obj)
        user = self.request.user
        context.update(
            children=obj.children.order_by("name"),
            groups=obj.groups.order_by("name"),
            users=User.objects.for_user(user, Action.VIEW).filter(agency=obj).order_by("username"),
        )
        return context


class AgencyEditView(views.ObjectEditView):
    model = Agency
    form_class = forms.AgencyForm


class AgencyGroupListView(views.ObjectListView):
    model = AgencyGroup
    table_class = tables.AgencyGroupTable
    filterset_class = filtersets.AgencyGroupFilterSet


class AgencyGroupDetailView(views.ObjectDetailView):
    model = AgencyGroup

    def get_context_data(self, obj):
        context = super().get_context_data(obj)
        context.update(resolved=obj.resolve().order_by("name"), members=obj.members.order_by("name"))
        return context


class AgencyGroupEditView(views.ObjectEditView):
    model = AgencyGroup
    form_class = forms.AgencyGroupForm


class UserListView(views.ObjectListView):
    model = User
    table_class = tables.UserTable
    filterset_class = filtersets.UserFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related("agency")


class UserDetailView(views.ObjectDetailView):
    model = User

    def get_queryset(self):
        return super().get_queryset().select_related("agency")


class UserEditView(views.ObjectEditView):
    model = User

    def get_form(self, obj, data=None, files=None):
        form_class = forms.UserForm if obj else forms.UserCreateForm
        return form_class(data=data, files=files, instance=obj)


class UserSetPasswordView(View):
    """An administrator sets a new password for another user (who should change it at first login)."""

    template_name = "organizations/user_set_password.html"

    def get_user(self):
        target = get_object_or_404(User.objects.for_user(self.request.user, Action.VIEW), pk=self.kwargs["pk"])
        permissions.require(self.request.user, Action.CHANGE, target)
        return target

    def get(self, request, pk):
        target = self.get_user()
        return render(request, self.template_name, {"object": target, "form": forms.StyledSetPasswordForm(target)})

    def post(self, request, pk):
        target = self.get_user()
        form = forms.StyledSetPasswordForm(target, request.POST)
        if not form.is_valid():
            return render(request, self.template_name, {"object": target, "form": form}, status=400)
        change_password(target, form.cleaned_data["new_password1"], by=request.user)
        messages.success(request, _("Đã đặt mật khẩu mới cho “%(user)s”.") % {"user": target})
        return HttpResponseRedirect(target.get_absolute_url())


class AccountPasswordChangeView(auth_views.PasswordChangeView):
    """A user changes their own password; the session stays signed in and the history notes it."""

    template_name = "registration/password_change_form.html"
    form_class = forms.StyledPasswordChangeForm

    def form_valid(self, form):
        change_password(self.request.user, form.cleaned_data["new_password1"], by=self.request.user)
        update_session_auth_hash(self.request, self.request.user)
        messages.success(self.request, _("Đã đổi mật khẩu."))
        return HttpResponseRedirect(reverse("home"))

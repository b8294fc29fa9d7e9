"""Generic list, detail, edit, (de)activate and history views that every app's pages are made of.

Each view asks core/permissions.py before it shows or changes anything. URL names follow one
pattern, `<app>:<model>_<view>` (list, detail, add, edit, deactivate, reactivate, history), so
templates and views find each other's links without configuration.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.template.loader import select_template
from django.urls import NoReverseMatch, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views import View

from doingoai.core import permissions
from doingoai.core.exports import xlsx_response
from doingoai.core.forms import add_errors
from doingoai.core.history import change_log
from doingoai.core.permissions import Action
from doingoai.core.services import save_form, set_active


def url_name(model, view: str) -> str:
    return f"{model._meta.app_label}:{model._meta.model_name}_{view}"


def object_url(model_or_obj, view: str) -> str | None:
    """The URL of a model's list/add page or an object's page, or None if the app has no such page."""
    model = model_or_obj if isinstance(model_or_obj, type) else type(model_or_obj)
    args = [] if isinstance(model_or_obj, type) else [model_or_obj.pk]
    try:
        return reverse(url_name(model, view), args=args)
    except NoReverseMatch:
        return None


def model_templates(model, view: str, fallback: str) -> list[str]:
    return [f"{model._meta.app_label}/{model._meta.model_name}_{view}.html", fallback]


def page_size(request) -> int:
    """The rows per page the user picked, if it is one of the offered sizes."""
    try:
        value = int(request.GET.get("per_page", ""))
    except ValueError:
        return settings.LIST_PAGE_SIZES[0]
    return value if value in settings.LIST_PAGE_SIZES else settings.LIST_PAGE_SIZES[0]


def paginate_table(table, request) -> None:
    """Paginate like a forgiving user expects: a page that is not a number is the first, past the end the last."""
    per_page = page_size(request)
    page = request.GET.get("page", 1)
    try:
        table.paginate(page=page, per_page=per_page)
    except PageNotAnInteger:
        table.paginate(page=1, per_page=per_page)
    except EmptyPage:
        table.paginate(page=table.paginator.num_pages, per_page=per_page)


def paginate_list(items, request, per_page: int = 50):
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


class ModelViewMixin:
    model = None

    def get_queryset(self):
        """The rows the user may see; subclasses add select_related/prefetch_related for their columns."""
        return self.model.objects.for_user(self.request.user, Action.VIEW)

    def base_context(self, **extra) -> dict:
        meta = self.model._meta
        return {
            "model": self.model,
            "verbose_name": meta.verbose_name,
            "verbose_name_plural": meta.verbose_name_plural,
            "list_url": object_url(self.model, "list"),
            **extra,
        }


class ObjectListView(ModelViewMixin, View):
    """A list page: filters and search (its filterset), sorting and pages (its table), Excel export.

    The filter form and the table's links are htmx requests that target `#object-table`; for
    those only the table fragment is rendered.
    """

    table_class = None
    filterset_class = None
    template_name = "core/object_list.html"
    partial_template_name = "core/partials/object_table.html"
    title = None

    def get_title(self) -> str:
        return capfirst(str(self.title or self.model._meta.verbose_name_plural))

    def get(self, request, *args, **kwargs):
        permissions.require(request.user, Action.VIEW, self.model)
        filterset = self.filterset_class(request.GET or None, queryset=self.get_queryset(), request=request)
        # An invalid filter shows its error and no rows, rather than silently ignoring it.
        rows = filterset.queryset.none() if filterset.is_bound and not filterset.is_valid() else filterset.qs
        if request.GET.get("export") == "xlsx":
            return self.export(rows)
        table = self.build_table(rows)
        paginate_table(table, request)
        query = request.GET.copy()
        query.pop("page", None)
        query.pop("export", None)
        export_query = query.copy()
        export_query["export"] = "xlsx"
        context = self.base_context(
            title=self.get_title(),
            filterset=filterset,
            table=table,
            export_url=f"?{export_query.urlencode()}",
            add_url=object_url(self.model, "add") if permissions.can(request.user, Action.ADD, self.model) else None,
            page_sizes=settings.LIST_PAGE_SIZES,
            current_page_size=page_size(request),
            filtered=any(k not in {"page", "per_page", "sort"} for k in request.GET),
        )
        if request.htmx and request.htmx.target == "object-table":
            return render(request, self.partial_template_name, context)
        templates = model_templates(self.model, "list", self.template_name)
        return render(request, select_template(templates).template.name, context)

    def export(self, rows):
        count = rows.count()
        if count > settings.EXPORT_MAX_ROWS:
            messages.error(
                self.request,
                _("Danh sách có %(count)s dòng, vượt giới hạn xuất Excel %(limit)s dòng; hãy lọc bớt.")
                % {"count": count, "limit": settings.EXPORT_MAX_ROWS},
            )
            query = self.request.GET.copy()
            query.pop("export", None)
            return HttpResponseRedirect(f"?{query.urlencode()}")
        return xlsx_response(self.build_table(rows), self.get_title())

    def build_table(self, rows):
        """The table sorted as the request asks; pagination is left to `paginate_table`, which
        accepts only the offered page sizes (django-tables2 would take any number, even -1)."""
        table = self.table_class(rows)
        table.request = self.request
        names = set(table.columns.names())
        sort = [key for key in self.request.GET.getlist(table.prefixed_order_by_field) if key.lstrip("-") in names]
        if sort:
            table.order_by = sort
        return table


class ObjectDetailView(ModelViewMixin, View):
    template_name = "core/object_detail.html"

    def get_object(self):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    def get_context_data(self, obj) -> dict:
        user = self.request.user
        return self.base_context(
            object=obj,
            title=str(obj),
            can_change=permissions.can(user, Action.CHANGE, obj),
            can_delete=permissions.can(user, Action.DELETE, obj),
            edit_url=object_url(obj, "edit"),
            deactivate_url=object_url(obj, "deactivate"),
            reactivate_url=object_url(obj, "reactivate"),
            history_url=object_url(obj, "history"),
        )

    def get(self, request, *args, **kwargs):
        obj = self.get_object()
        permissions.require(request.user, Action.VIEW, obj)
        templates = model_templates(self.model, "detail", self.template_name)
        return render(request, select_template(templates).template.name, self.get_context_data(obj))


class ObjectEditView(ModelViewMixin, View):
    """Create (no pk in the URL) or change an object through its ModelForm; errors stay at their fields."""

    form_class = None
    template_name = "core/object_edit.html"

    def get_object(self):
        if "pk" not in self.kwargs:
            return None
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    def get_form(self, obj, data=None, files=None):
        return self.form_class(data=data, files=files, instance=obj)

    def save(self, form):
        return save_form(form, self.request.user)

    def check(self, obj):
        if obj is None:
            permissions.require(self.request.user, Action.ADD, self.model)
        else:
            permissions.require(self.request.user, Action.CHANGE, obj)

    def respond(self, obj, form, status=200):
        title = (
            _("Sửa: %(name)s") % {"name": obj} if obj else _("Thêm %(name)s") % {"name": self.model._meta.verbose_name}
        )
        context = self.base_context(
            object=obj,
            form=form,
            title=title,
            cancel_url=obj.get_absolute_url() if obj else object_url(self.model, "list"),
        )
        templates = model_templates(self.model, "edit", self.template_name)
        return render(self.request, select_template(templates).template.name, context, status=status)

    def get(self, request, *args, **kwargs):
        obj = self.get_object()
        self.check(obj)
        return self.respond(obj, self.get_form(obj))

    def post(self, request, *args, **kwargs):
        obj = self.get_object()
        self.check(obj)
        form = self.get_form(obj, request.POST, request.FILES)
        saved = None
        if form.is_valid():
            try:
                saved = self.save(form)
            except ValidationError as error:
                # A rule of the services refused it: show that where the form shows its own errors.
                add_errors(form, error)
        if saved is None:
            messages.error(request, _("Chưa lưu được: hãy sửa các ô báo lỗi bên dưới."))
            return self.respond(obj, form, status=400)
        messages.success(
            request, _("Đã lưu %(name)s “%(object)s”.") % {"name": self.model._meta.verbose_name, "object": saved}
        )
        return HttpResponseRedirect(saved.get_absolute_url())


class ObjectActivationView(ModelViewMixin, View):
    """Deactivate (the "delete" of records whose history must stay) or reactivate an object."""

    activate = False
    template_name = "core/object_confirm_activation.html"

    def get_object(self):
        obj = get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        permissions.require(self.request.user, Action.CHANGE if self.activate else Action.DELETE, obj)
        return obj

    def get(self, request, *args, **kwargs):
        obj = self.get_object()
        context = self.base_context(object=obj, activate=self.activate, title=str(obj))
        return render(request, self.template_name, context)

    def post(self, request, *args, **kwargs):
        obj = self.get_object()
        set_active(obj, self.activate, request.user)
        if self.activate:
            messages.success(request, _("Đã kích hoạt lại “%(object)s”.") % {"object": obj})
        else:
            messages.success(request, _("Đã ngừng hoạt động “%(object)s”; lịch sử được giữ nguyên.") % {"object": obj})
        return HttpResponseRedirect(obj.get_absolute_url())


class ObjectHistoryView(ModelViewMixin, View):
    """ "Lịch sử thay đổi": who changed the object, when, and each field before → after."""

    template_name = "core/object_history.html"

    def get(self, request, *args, **kwargs):
        obj = get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        permissions.require(request.user, Action.VIEW, obj)
        page = paginate_list(change_log(obj), request)
        context = self.base_context(object=obj, page=page, title=_("Lịch sử thay đổi: %(object)s") % {"object": obj})
        return render(request, self.template_name, context)


class NotificationListView(View):
    """The notification centre: the user's own notices, newest first, unread ones marked."""

    template_name = "core/notification_list.html"

    def get(self, request):
        from doingoai.core.models import Notification

        notices = Notification.objects.for_user(request.user).filter(user=request.user)
        if request.GET.get("unread") == "1":
            notices = notices.filter(read_at__isnull=True)
        page = paginate_list(notices, request, per_page=30)
        return render(request, self.template_name, {"page": page, "title": _("Thông báo")})


class NotificationReadView(View):
    """Mark one notice (`id`) or all of them read, then go back (or to the notice's page, `go`)."""

    def post(self, request):
        from django.utils import timezone

        from doingoai.core.models import Notification

        notices = Notification.objects.for_user(request.user, Action.CHANGE).filter(
            user=request.user, read_at__isnull=True
        )
        target = None
        if request.POST.get("id", "").isdigit():
            notices = notices.filter(pk=int(request.POST["id"]))
            notice = notices.first()
            target = notice.url if notice and request.POST.get("go") and notice.url.startswith("/") else None
        notices.update(read_at=timezone.now())
        return HttpResponseRedirect(target or reverse("notifications"))

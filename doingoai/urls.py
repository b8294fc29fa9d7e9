"""The site's URLs: pages under their app's prefix, the API under /api/."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from doingoai.core.home import home
from doingoai.core.search import SearchAPIView, SearchView
from doingoai.core.views import NotificationListView, NotificationReadView
from doingoai.organizations.forms import StyledAuthenticationForm
from doingoai.organizations.views import AccountPasswordChangeView

api_patterns = [
    path("", include("doingoai.organizations.api.urls")),
    path("", include("doingoai.programs.api.urls")),
    path("", include("doingoai.partners.api.urls")),
    path("", include("doingoai.cooperation.api.urls")),
    path("", include("doingoai.exchanges.api.urls")),
    path("", include("doingoai.border.api.urls")),
    path("search/", SearchAPIView.as_view(), name="search"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
]

urlpatterns = [
    path("", home, name="home"),
    path(
        "account/login/",
        auth_views.LoginView.as_view(authentication_form=StyledAuthenticationForm, redirect_authenticated_user=True),
        name="login",
    ),
    path("account/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/password/", AccountPasswordChangeView.as_view(), name="password_change"),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("organizations/", include("doingoai.organizations.urls")),
    path("monitoring/", include("doingoai.programs.urls")),
    path("partners/", include("doingoai.partners.urls")),
    path("cooperation/", include("doingoai.cooperation.urls")),
    path("exchanges/", include("doingoai.exchanges.urls")),
    path("border/", include("doingoai.border.urls")),
    path("reports/", include("doingoai.reports.urls")),
    path("search/", SearchView.as_view(), name="search"),
    path("notifications/", NotificationListView.as_view(), name="notifications"),
    path("notifications/read/", NotificationReadView.as_view(), name="notifications_read"),
    path("api/", include((api_patterns, "api"))),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

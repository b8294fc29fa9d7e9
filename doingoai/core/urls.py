"""URL helpers: the generic pages of a model under one prefix, named `<model>_<view>`."""

from django.urls import path

from doingoai.core import views


def object_urls(prefix: str, model, *, list, detail, edit, history=views.ObjectHistoryView, activation=True):
    """list, detail, add, edit, history and (for models that are never deleted) deactivate/reactivate."""
    name = model._meta.model_name
    patterns = [
        path(f"{prefix}/", list.as_view(), name=f"{name}_list"),
        path(f"{prefix}/add/", edit.as_view(), name=f"{name}_add"),
        path(f"{prefix}/<int:pk>/", detail.as_view(), name=f"{name}_detail"),
        path(f"{prefix}/<int:pk>/edit/", edit.as_view(), name=f"{name}_edit"),
        path(f"{prefix}/<int:pk>/history/", history.as_view(model=model), name=f"{name}_history"),
    ]
    if activation:
        patterns += [
            path(
                f"{prefix}/<int:pk>/deactivate/",
                views.ObjectActivationView.as_view(model=model, activate=False),
                name=f"{name}_deactivate",
            ),
            path(
                f"{prefix}/<int:pk>/reactivate/",
                views.ObjectActivationView.as_view(model=model, activate=True),
                name=f"{name}_reactivate",
            ),
        ]
    return patterns

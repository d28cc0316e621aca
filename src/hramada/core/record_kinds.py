"""Kinds of record in people's words ("Fund: application"), for pages that name what an audit entry was about."""

from __future__ import annotations

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils.text import capfirst


def kind_of_record(content_type: ContentType) -> str:
    """The app's and the model's verbose names (translated where they are), never a table name."""
    model = content_type.model_class()
    if model is None:
        return f"{content_type.app_label}: {content_type.model}"
    app = apps.get_app_config(content_type.app_label)
    return f"{capfirst(str(app.verbose_name))}: {model._meta.verbose_name}"

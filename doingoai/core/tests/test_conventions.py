"""House rules that hold for every app: history and permissions on every model, complete translations."""

import gettext
import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.apps import apps

from doingoai.core.permissions import Scope
from doingoai.core.testing import require_tool

PACKAGE = Path(__file__).resolve().parents[2]
EN_PO = PACKAGE / "locale" / "en" / "LC_MESSAGES" / "django.po"


def project_models():
    for model in apps.get_models():
        if model.__module__.startswith("doingoai.") and not model.__name__.startswith("Historical"):
            yield model


@pytest.mark.parametrize("model", list(project_models()), ids=lambda m: m._meta.label)
def test_every_model_keeps_history_and_names_its_permission_scope(model):
    assert getattr(model._meta, "simple_history_manager_attribute", None) == "history"
    assert model.permission_scope in set(Scope)
    if model.permission_scope == Scope.AGENCY_OWNED:
        assert model.owner_agency_field and callable(model.owner_agency_ids)


def catalog_of(po_path: Path) -> dict:
    compiled = {}
    for entry in polib.pofile(str(po_path)):
        # A compiled catalogue keys an entry with a context as "context\x04msgid".
        msgid = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if entry.msgid_plural:
            for index, text in entry.msgstr_plural.items():
                compiled[(msgid, int(index))] = text
        else:
            compiled[msgid] = entry.msgstr
    return compiled


@pytest.mark.parametrize("language", ["en", "vi"])
def test_translations_are_complete_and_compiled(language):
    po_path = PACKAGE / "locale" / language / "LC_MESSAGES" / "django.po"
    po = polib.pofile(str(po_path))
    assert not po.untranslated_entries(), [e.msgid for e in po.untranslated_entries()][:10]
    assert not po.fuzzy_entries(), [e.msgid for e in po.fuzzy_entries()][:10]
    with open(po_path.with_suffix(".mo"), "rb") as handle:
        compiled = gettext.GNUTranslations(handle)._catalog
    expected = {key: value for key, value in catalog_of(po_path).items() if key != ""}
    actual = {key: value for key, value in compiled.items() if key != ""}
    assert actual == expected, "the .mo is older than the .po: run `make messages`"


def test_english_catalogue_holds_every_string_of_the_code(tmp_path):
    require_tool(shutil.which("xgettext") is not None, "GNU gettext (xgettext)")
    copy = tmp_path / "doingoai"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("static", "__pycache__", "*.mo"))
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "DJANGO_SETTINGS_MODULE": "doingoai.settings"}
    subprocess.run(
        [sys.executable, "-m", "doingoai", "makemessages", "--locale", "en", "--no-obsolete"],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
    )
    fresh = {(e.msgid, e.msgid_plural) for e in polib.pofile(str(copy / "locale" / "en" / "LC_MESSAGES" / "django.po"))}
    committed = {(e.msgid, e.msgid_plural) for e in polib.pofile(str(EN_PO))}
    missing = sorted(fresh - committed)
    assert not missing, f"strings not in the English catalogue (run `make messages`): {missing[:10]}"

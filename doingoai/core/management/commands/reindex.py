from django.apps import apps

from doingoai.core.commands import ActingCommand
from doingoai.core.models import SearchableMixin


class Command(ActingCommand):
    help = "Rebuild the normalised search text of every searchable record (after bulk changes)."

    def act(self, user, *args, **options):
        for model in apps.get_models():
            if not issubclass(model, SearchableMixin):
                continue
            changed = []
            for obj in model._base_manager.iterator(chunk_size=2000):
                text = obj.build_search_text()
                if text != obj.search_text:
                    obj.search_text = text
                    changed.append(obj)
            model._base_manager.bulk_update(changed, ["search_text"], batch_size=1000)
            self.stdout.write(f"{model._meta.label}: {len(changed)}")

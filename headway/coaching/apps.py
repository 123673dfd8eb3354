from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_builtin(sender: AppConfig, **kwargs: object) -> None:
    from headway.coaching.services import builtin_models_sync

    builtin_models_sync()


class CoachingConfig(AppConfig):
    name = "headway.coaching"
    label = "coaching"

    def ready(self) -> None:
        # Built-in models live in code (headway.core.coaching.builtin) and are
        # brought into every database, test databases included, after migrating.
        post_migrate.connect(_sync_builtin, sender=self)

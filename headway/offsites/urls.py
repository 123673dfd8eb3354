from __future__ import annotations

from django.urls import path

from headway.offsites import offsite_views as o
from headway.offsites import resource_views as r

OFFSITE = "e/<int:pk>/offsites/<int:oid>/"

urlpatterns = [
    path("e/<int:pk>/offsites/", o.offsites, name="offsites"),
    path("e/<int:pk>/offsites/rhythm/", o.offsite_cycle, name="offsite_cycle"),
    path("e/<int:pk>/offsites/start/", o.offsite_begin, name="offsite_start"),
    path("e/<int:pk>/offsites/history/", o.offsite_history, name="offsite_history"),
    path(OFFSITE, o.offsite_view, name="offsite"),
    path(OFFSITE + "save/", o.offsite_save, name="offsite_save"),
    path(OFFSITE + "live/", o.offsite_live, name="offsite_live"),
    path(OFFSITE + "clock/", o.offsite_clock_view, name="offsite_clock"),
    path(OFFSITE + "complete/", o.offsite_finish, name="offsite_complete"),
    path(OFFSITE + "priorities/<int:prid>/goal/", o.priority_goal, name="priority_goal"),
    path(OFFSITE + "priorities/<int:prid>/later/", o.priority_later, name="priority_later"),
    path("resources/", r.resource_library, name="resource_library"),
    path("resources/<int:rid>/delete/", r.resource_remove, name="resource_delete"),
    path("resources/<int:rid>/file/", r.resource_file, name="resource_file"),
    path("e/<int:pk>/resources/", r.engagement_resources, name="engagement_resources"),
    path("e/<int:pk>/resources/<int:sid>/mark/", r.shared_resource_mark, name="resource_mark"),
    path(
        "e/<int:pk>/resources/<int:sid>/unshare/",
        r.shared_resource_unshare,
        name="resource_unshare",
    ),
    path("e/<int:pk>/resources/<int:sid>/file/", r.shared_resource_file, name="shared_file"),
]

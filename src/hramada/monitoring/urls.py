"""URLs of monitoring, under /monitoring/ (namespace `monitoring`)."""

from django.urls import path

from hramada.monitoring import views

app_name = "monitoring"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("alerts/<id:pk>/", views.alert, name="alert"),
    path("alerts/<id:pk>/acknowledge/", views.acknowledge, name="acknowledge"),
    path("alerts/<id:pk>/escalate/", views.escalate, name="escalate"),
    path("watch-lists/", views.watch_lists, name="watch_lists"),
    path("watch-lists/<id:pk>/", views.watch_list, name="watch_list"),
]

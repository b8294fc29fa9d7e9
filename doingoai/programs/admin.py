from django.contrib import admin

from doingoai.core.admin import PermissionAdmin

from .models import Phase, Program, ReportingPeriod, Target, Task, TaskLead


@admin.register(Program)
class ProgramAdmin(PermissionAdmin):
    list_display = ["number", "title", "kind", "period_start", "period_end", "focal_agency"]
    search_fields = ["number", "title", "search_text"]


@admin.register(Target)
class TargetAdmin(PermissionAdmin):
    list_display = ["indicator", "program", "comparator", "min_value", "max_value", "unit"]
    list_filter = ["program"]


@admin.register(Task)
class TaskAdmin(PermissionAdmin):
    list_display = ["number", "title", "program", "due_text", "deadline"]
    list_filter = ["program", "due_kind"]
    search_fields = ["number", "search_text"]


admin.site.register(Phase, PermissionAdmin)
admin.site.register(ReportingPeriod, PermissionAdmin)
admin.site.register(TaskLead, PermissionAdmin)

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from doingoai.core import reminders
from doingoai.core.tasks import send_reminders


class Command(BaseCommand):
    help = "Send the day's reminders (đôn đốc). Safe to run any number of times: each event is announced once."

    def add_arguments(self, parser):
        parser.add_argument("--date", help=_("Ngày tính nhắc việc, dạng YYYY-MM-DD (mặc định: hôm nay)."))
        parser.add_argument(
            "--background", action="store_true", help=_("Đưa vào hàng đợi để db_worker chạy, thay vì chạy ngay.")
        )

    def handle(self, *args, **options):
        try:
            day = datetime.date.fromisoformat(options["date"]) if options["date"] else timezone.localdate()
        except ValueError as error:
            raise CommandError(_("Ngày không hợp lệ: %(value)s") % {"value": options["date"]}) from error
        if options["background"]:
            result = send_reminders.enqueue(day.isoformat())
            self.stdout.write(_("Đã đưa vào hàng đợi: %(id)s") % {"id": result.id})
            return
        for source, count in reminders.run(day).items():
            self.stdout.write(_("%(source)s: %(count)s thông báo mới") % {"source": source, "count": count})

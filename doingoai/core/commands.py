"""The base of every command that changes data: it acts as a named user, so history says who."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from doingoai.core.history import acting_user


class ActingCommand(BaseCommand):
    """`--user USERNAME` names the acting user; without it the system account acts."""

    def add_arguments(self, parser):
        parser.add_argument(
            "--user",
            dest="acting_username",
            help=_("Tên đăng nhập của người thực hiện (mặc định: tài khoản hệ thống)."),
        )

    def handle(self, *args, **options):
        from doingoai.organizations.models import User
        from doingoai.organizations.services import system_user

        username = options.pop("acting_username", None)
        if username:
            try:
                user = User.objects.get(username=username)
            except User.DoesNotExist as error:
                raise CommandError(_("Không có người dùng “%(user)s”.") % {"user": username}) from error
        else:
            user = system_user()
        with acting_user(user):
            return self.act(user, *args, **options)

    def act(self, user, *args, **options):
        raise NotImplementedError

from django.utils.translation import gettext as _

from doingoai.core.commands import ActingCommand
from doingoai.demo import loaders


class Command(ActingCommand):
    help = "Load the demo instance (agencies, groups, one user per role). Safe to run again: it only adds."

    def act(self, user, *args, **options):
        agencies = loaders.load_agencies()
        groups = loaders.load_agency_groups()
        logins = loaders.load_users()
        self.stdout.write(
            _("Dữ liệu minh họa: thêm %(agencies)s cơ quan, %(groups)s nhóm cơ quan.")
            % {"agencies": agencies, "groups": groups}
        )
        self.stdout.write("")
        self.stdout.write(_("Tài khoản minh họa (mật khẩu ban đầu; nếu đã đổi thì dùng mật khẩu mới):"))
        for login in logins:
            account, password = login["user"], login["password"]
            role = account.get_role_display()
            self.stdout.write(f"  {role:<26} {account.username:<12} {password:<16} {account.agency or ''}")

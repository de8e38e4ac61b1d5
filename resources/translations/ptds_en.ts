<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Giới thiệu PTDS Desktop</source>
        <translation>About PTDS Desktop</translation>
    </message>
    <message>
        <source>Phiên bản</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Văn phòng</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Tệp cơ sở dữ liệu</source>
        <translation>Database file</translation>
    </message>
    <message>
        <source>Thư mục dữ liệu người dùng</source>
        <translation>User data folder</translation>
    </message>
    <message>
        <source>Phiên bản lược đồ</source>
        <translation>Schema version</translation>
    </message>
    <message>
        <source>Nền tảng</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Quản lý công việc của Ban Chỉ huy Phòng thủ dân sự, làm việc không cần mạng.</source>
        <translation>Work of the civil-defence command board, offline.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Không mở được cơ sở dữ liệu %1: %2</source>
        <translation>Cannot open the database %1: %2</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <source>Cơ quan, đơn vị</source>
        <translation>Organizations</translation>
    </message>
</context>
<context>
    <name>Buttons</name>
    <message>
        <source>Đồng ý</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Tên tắt</source>
        <translation>Short name</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Lỗi</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Đã xảy ra lỗi không mong đợi. Dữ liệu không bị thay đổi.</source>
        <translation>An unexpected error occurred. No data was changed.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Khởi tạo văn phòng</source>
        <translation>Set up the office</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu này chưa thuộc văn phòng nào. Hãy nhập văn phòng sử dụng ứng dụng trên máy này; tên và địa danh sẽ được ghi trên văn bản.</source>
        <translation>This database does not belong to an office yet. Enter the office that uses the application on this computer; its name and place name appear on documents.</translation>
    </message>
    <message>
        <source>&amp;Tên văn phòng:</source>
        <translation>Office &amp;name:</translation>
    </message>
    <message>
        <source>Ví dụ: Bộ CHQS tỉnh Đắk Lắk</source>
        <translation>For example: Bộ CHQS tỉnh Đắk Lắk</translation>
    </message>
    <message>
        <source>&amp;Cấp:</source>
        <translation>&amp;Level:</translation>
    </message>
    <message>
        <source>Đị&amp;a danh:</source>
        <translation>&amp;Place name:</translation>
    </message>
    <message>
        <source>Ví dụ: Đắk Lắk (ghi ở dòng “Đắk Lắk, ngày … tháng … năm …”)</source>
        <translation>For example: Đắk Lắk (written in the line “Đắk Lắk, ngày … tháng … năm …”)</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Tỉnh</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Xã, phường</source>
        <translation>Commune, ward</translation>
    </message>
    <message>
        <source>Sở, ngành</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Ủy ban nhân dân</source>
        <translation>People&apos;s Committee</translation>
    </message>
    <message>
        <source>Sở, ban, ngành</source>
        <translation>Departments and agencies</translation>
    </message>
    <message>
        <source>Cơ quan Đảng</source>
        <translation>Party body</translation>
    </message>
    <message>
        <source>Mặt trận, đoàn thể</source>
        <translation>Front and mass organizations</translation>
    </message>
    <message>
        <source>Quân sự</source>
        <translation>Military</translation>
    </message>
    <message>
        <source>Công an</source>
        <translation>Police</translation>
    </message>
    <message>
        <source>Báo chí</source>
        <translation>Press</translation>
    </message>
    <message>
        <source>Nhóm cơ quan</source>
        <translation>Group of agencies</translation>
    </message>
    <message>
        <source>Khác</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Khu vực</source>
        <translation>Areas</translation>
    </message>
    <message>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Cài đặt…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>T&amp;hoát</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Sửa</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Hoàn tác</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Khu vực</source>
        <translation>&amp;Areas</translation>
    </message>
    <message>
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Giới thiệu…</source>
        <translation>&amp;About…</translation>
    </message>
    <message>
        <source>Hoàn tác</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Văn phòng sử dụng cơ sở dữ liệu này</source>
        <translation>The office this database belongs to</translation>
    </message>
    <message>
        <source>Tệp cơ sở dữ liệu</source>
        <translation>Database file</translation>
    </message>
    <message>
        <source>Đã hoàn tác.</source>
        <translation>Undone.</translation>
    </message>
    <message>
        <source>Ngôn ngữ mới có hiệu lực khi mở lại ứng dụng.</source>
        <translation>The new language takes effect when the application is restarted.</translation>
    </message>
</context>
<context>
    <name>OrganizationDialog</name>
    <message>
        <source>Cơ quan, đơn vị</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>&amp;Tên:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Ví dụ: Sở Nông nghiệp và Môi trường tỉnh Đắk Lắk</source>
        <translation>For example: Sở Nông nghiệp và Môi trường tỉnh Đắk Lắk</translation>
    </message>
    <message>
        <source>Tên tắ&amp;t:</source>
        <translation>Shor&amp;t name:</translation>
    </message>
    <message>
        <source>Ví dụ: Sở NN&amp;MT</source>
        <translation>For example: Sở NN&amp;MT</translation>
    </message>
    <message>
        <source>&amp;Loại:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>Cơ quan &amp;cấp trên:</source>
        <translation>&amp;Parent organization:</translation>
    </message>
    <message>
        <source>Đị&amp;a chỉ:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>Điện t&amp;hoại:</source>
        <translation>P&amp;hone:</translation>
    </message>
    <message>
        <source>&amp;Ghi chú:</source>
        <translation>N&amp;otes:</translation>
    </message>
    <message>
        <source>Sửa cơ quan, đơn vị</source>
        <translation>Edit organization</translation>
    </message>
    <message>
        <source>Thêm cơ quan, đơn vị</source>
        <translation>New organization</translation>
    </message>
    <message>
        <source>(không có)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>OrganizationsView</name>
    <message>
        <source>Lọc theo tên hoặc tên tắt, gõ không dấu cũng được (Ctrl+F)</source>
        <translation>Filter by name or short name, diacritics optional (Ctrl+F)</translation>
    </message>
    <message>
        <source>Chưa có cơ quan, đơn vị nào. Nhấn Ctrl+N để thêm.</source>
        <translation>No organizations yet. Press Ctrl+N to add one.</translation>
    </message>
    <message>
        <source>Không có cơ quan, đơn vị nào khớp với bộ lọc.</source>
        <translation>No organization matches the filter.</translation>
    </message>
    <message>
        <source>&amp;Thêm…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <source>Thêm cơ quan, đơn vị (Ctrl+N)</source>
        <translation>New organization (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Sửa…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>Sửa cơ quan, đơn vị đang chọn (F2, Enter)</source>
        <translation>Edit the selected organization (F2, Enter)</translation>
    </message>
    <message>
        <source>&amp;Xóa</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Xóa các cơ quan, đơn vị đang chọn (Delete)</source>
        <translation>Delete the selected organizations (Delete)</translation>
    </message>
    <message>
        <source>Tìm</source>
        <translation>Find</translation>
    </message>
    <message numerus="yes">
        <source>%n cơ quan, đơn vị</source>
        <translation>
            <numerusform>%n organization</numerusform>
            <numerusform>%n organizations</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 / %2 cơ quan, đơn vị</source>
        <translation>%1 of %2 organizations</translation>
    </message>
    <message>
        <source>Đã lưu “%1”.</source>
        <translation>Saved “%1”.</translation>
    </message>
    <message>
        <source>Xóa cơ quan, đơn vị “%1”?</source>
        <translation>Delete the organization “%1”?</translation>
    </message>
    <message numerus="yes">
        <source>Xóa %n cơ quan, đơn vị đang chọn?</source>
        <translation>
            <numerusform>Delete the selected organization?</numerusform>
            <numerusform>Delete the %n selected organizations?</numerusform>
        </translation>
    </message>
    <message>
        <source>Xóa cơ quan, đơn vị</source>
        <translation>Delete organizations</translation>
    </message>
    <message>
        <source>Có thể hoàn tác ngay sau khi xóa (Ctrl+Z).</source>
        <translation>You can undo it right after deleting (Ctrl+Z).</translation>
    </message>
    <message>
        <source>Đã xóa “%1”.</source>
        <translation>Deleted “%1”.</translation>
    </message>
    <message numerus="yes">
        <source>Đã xóa %n cơ quan, đơn vị.</source>
        <translation>
            <numerusform>Deleted %n organization.</numerusform>
            <numerusform>Deleted %n organizations.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>&amp;Ngôn ngữ giao diện:</source>
        <translation>Interface &amp;language:</translation>
    </message>
    <message>
        <source>Ngôn ngữ mới có hiệu lực khi mở lại ứng dụng.</source>
        <translation>The new language takes effect when the application is restarted.</translation>
    </message>
</context>
</TS>

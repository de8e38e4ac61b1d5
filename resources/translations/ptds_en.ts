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
    <name>AgencyListEditor</name>
    <message>
        <source>Thêm vào danh sách</source>
        <translation>Add to list</translation>
    </message>
    <message>
        <source>Bỏ</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Lên</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Xuống</source>
        <translation>Down</translation>
    </message>
</context>
<context>
    <name>AgencyProgressBars</name>
    <message>
        <source>Hoàn thành</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Đang thực hiện</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Vướng mắc</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <source>Chưa thực hiện, chưa báo cáo</source>
        <translation>Not started or not reported</translation>
    </message>
    <message>
        <source>%1/%2 xong</source>
        <translation>%1/%2 done</translation>
    </message>
    <message>
        <source>%1 quá hạn</source>
        <translation>%1 overdue</translation>
    </message>
</context>
<context>
    <name>AgendaDialog</name>
    <message>
        <source>Thêm mục chương trình</source>
        <translation>Add agenda item</translation>
    </message>
    <message>
        <source>Giờ:</source>
        <translation>Time:</translation>
    </message>
    <message>
        <source>Nội dung:</source>
        <translation>Item:</translation>
    </message>
    <message>
        <source>Người thực hiện:</source>
        <translation>Presenter:</translation>
    </message>
    <message>
        <source>Số phút:</source>
        <translation>Minutes:</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Không mở được cơ sở dữ liệu %1: %2</source>
        <translation>Cannot open the database %1: %2</translation>
    </message>
    <message>
        <source>PTDS Desktop đang mở với cơ sở dữ liệu này (%1). Cửa sổ đang mở đã được đưa lên trước.</source>
        <translation>PTDS Desktop is already open on this database (%1). Its window has been brought to the front.</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <source>Cơ quan, đơn vị</source>
        <translation>Organizations</translation>
    </message>
    <message>
        <source>Ban Chỉ huy</source>
        <translation>Command boards</translation>
    </message>
    <message>
        <source>Nhiệm vụ</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Thiết lập văn bản</source>
        <translation>Document settings</translation>
    </message>
    <message>
        <source>Hội nghị</source>
        <translation>Conferences</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Hằng ngày</source>
        <translation>Daily</translation>
    </message>
    <message>
        <source>Trước khi nhập dữ liệu</source>
        <translation>Before a data import</translation>
    </message>
    <message>
        <source>Trước khi nâng cấp</source>
        <translation>Before an upgrade</translation>
    </message>
    <message>
        <source>Trước khi nhập gói đồng bộ</source>
        <translation>Before a sync bundle import</translation>
    </message>
    <message>
        <source>Trước khi khôi phục</source>
        <translation>Before a restore</translation>
    </message>
    <message>
        <source>Sao lưu thủ công</source>
        <translation>Manual backup</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Sao lưu và khôi phục</source>
        <translation>Backups and restore</translation>
    </message>
    <message>
        <source>Ứng dụng tự sao lưu khi mở lần đầu mỗi ngày, trước khi nhập dữ liệu và trước khi nâng cấp. Khôi phục một bản sẽ thay dữ liệu hiện tại; bản hiện tại được giữ lại thành một bản sao lưu.</source>
        <translation>The application backs up at the first start of each day, before a data import and before an upgrade. Restoring a copy replaces the current data; the current data is kept as a backup.</translation>
    </message>
    <message>
        <source>Chưa có bản sao lưu nào.</source>
        <translation>No backups yet.</translation>
    </message>
    <message>
        <source>&amp;Sao lưu ngay</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <source>&amp;Khôi phục bản đã chọn…</source>
        <translation>&amp;Restore the selected copy…</translation>
    </message>
    <message>
        <source>Khôi phục từ &amp;tệp…</source>
        <translation>Restore from a &amp;file…</translation>
    </message>
    <message>
        <source>&amp;Giữ lại mỗi loại:</source>
        <translation>&amp;Keep of each kind:</translation>
    </message>
    <message>
        <source> bản mới nhất</source>
        <translation> newest copies</translation>
    </message>
    <message>
        <source>Khôi phục bản sao lưu lúc %1? Dữ liệu nhập sau thời điểm đó sẽ không còn trong cơ sở dữ liệu (bản hiện tại được giữ lại thành một bản sao lưu).</source>
        <translation>Restore the backup of %1? Data entered after that moment will no longer be in the database (the current data is kept as a backup).</translation>
    </message>
    <message>
        <source>Chọn tệp cơ sở dữ liệu để khôi phục</source>
        <translation>Choose a database file to restore</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu PTDS, bản sao lưu (*.db *.dump);;Mọi tệp (*)</source>
        <translation>PTDS databases and backups (*.db *.dump);;All files (*)</translation>
    </message>
    <message>
        <source>Khôi phục từ tệp %1? Dữ liệu hiện tại sẽ được thay (bản hiện tại được giữ lại thành một bản sao lưu).</source>
        <translation>Restore from the file %1? The current data will be replaced (it is kept as a backup).</translation>
    </message>
    <message>
        <source>Khôi phục</source>
        <translation>Restore</translation>
    </message>
</context>
<context>
    <name>BoardDialog</name>
    <message>
        <source>Sửa Ban Chỉ huy</source>
        <translation>Edit command board</translation>
    </message>
    <message>
        <source>Thêm Ban Chỉ huy</source>
        <translation>New command board</translation>
    </message>
    <message>
        <source>(không có)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>BoardList</name>
    <message>
        <source>Các Ban Chỉ huy</source>
        <translation>Command boards</translation>
    </message>
    <message>
        <source>Lọc theo tên</source>
        <translation>Filter by name</translation>
    </message>
    <message>
        <source>Gõ không dấu cũng được, ví dụ “ea kao”</source>
        <translation>Diacritics optional, for example “ea kao”</translation>
    </message>
    <message>
        <source>Thêm Ban…</source>
        <translation>New board…</translation>
    </message>
    <message>
        <source>Thêm Ban Chỉ huy (tỉnh, xã, phường)</source>
        <translation>Add a command board (province, commune, ward)</translation>
    </message>
    <message>
        <source>Sửa Ban…</source>
        <translation>Edit board…</translation>
    </message>
    <message>
        <source>Sửa tên, cấp, Ủy ban nhân dân, cơ quan thường trực của Ban</source>
        <translation>Edit the board&apos;s name, level, People&apos;s Committee and standing agency</translation>
    </message>
    <message>
        <source>Ban Chỉ huy</source>
        <translation>Command boards</translation>
    </message>
    <message>
        <source>Đã lưu “%1”.</source>
        <translation>Saved “%1”.</translation>
    </message>
    <message>
        <source>Chưa có Ban Chỉ huy nào. Nhấn “Thêm Ban…” bên dưới để bắt đầu.</source>
        <translation>No command board yet. Press “New board…” below to start.</translation>
    </message>
    <message>
        <source>Không có Ban nào khớp bộ lọc.</source>
        <translation>No board matches the filter.</translation>
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
        <source>&amp;Có</source>
        <translation>&amp;Yes</translation>
    </message>
    <message>
        <source>&amp;Không</source>
        <translation>&amp;No</translation>
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
        <source>Thời điểm</source>
        <translation>Taken at</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Cỡ</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Ban</source>
        <translation>Boards</translation>
    </message>
    <message>
        <source>Thành viên</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Kế hoạch</source>
        <translation>Plans</translation>
    </message>
    <message>
        <source>Nhiệm vụ</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Chức danh trong Ban</source>
        <translation>Board role</translation>
    </message>
    <message>
        <source>Chức vụ, đơn vị</source>
        <translation>Position, organization</translation>
    </message>
    <message>
        <source>TT</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Lĩnh vực phụ trách</source>
        <translation>Field of responsibility</translation>
    </message>
    <message>
        <source>Kết thúc</source>
        <translation>Ends</translation>
    </message>
    <message>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Đến ngày</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>Ban Chỉ huy</source>
        <translation>Command board</translation>
    </message>
    <message>
        <source>Quyết định bổ nhiệm</source>
        <translation>Appointing decision</translation>
    </message>
    <message>
        <source>Quyết định kết thúc</source>
        <translation>Ending decision</translation>
    </message>
    <message>
        <source>Số, ký hiệu</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Ngày ký</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <source>Trích yếu</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Cấp ban hành</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <source>Bản quét</source>
        <translation>Scan</translation>
    </message>
    <message>
        <source>Khu vực</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Thêm mới</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Cập nhật</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Xóa</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Xung đột</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Từ chối</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Văn phòng</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Quan hệ</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>Dấu vân tay khóa</source>
        <translation>Key fingerprint</translation>
    </message>
    <message>
        <source>Nhận lần cuối</source>
        <translation>Last received</translation>
    </message>
    <message>
        <source>Gửi lần cuối</source>
        <translation>Last sent</translation>
    </message>
    <message>
        <source>Thay đổi họ chưa nhận</source>
        <translation>Changes they lack</translation>
    </message>
    <message>
        <source>Bản ghi</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Trường</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Giá trị đang giữ</source>
        <translation>Value kept</translation>
    </message>
    <message>
        <source>Giá trị kia</source>
        <translation>Other value</translation>
    </message>
    <message>
        <source>Giá trị kia do</source>
        <translation>Other value by</translation>
    </message>
    <message>
        <source>Sửa lúc</source>
        <translation>Edited at</translation>
    </message>
    <message>
        <source>Văn phòng gửi</source>
        <translation>Sending office</translation>
    </message>
    <message>
        <source>Bị từ chối tại</source>
        <translation>Refused at</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Chưa nhận từ</source>
        <translation>Waiting since</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Hội nghị</source>
        <translation>Conference</translation>
    </message>
    <message>
        <source>Hạn</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Việc cần làm</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>Cơ quan</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>Xong</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Đại biểu</source>
        <translation>Invitee</translation>
    </message>
    <message>
        <source>Điểm cầu</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Hình thức</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Trả lời</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>Chủ đề</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Phút</source>
        <translation>Min.</translation>
    </message>
    <message>
        <source>Hạn gửi</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Đã nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Chủ trì</source>
        <translation>Chair</translation>
    </message>
    <message>
        <source>Giờ</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Người thực hiện</source>
        <translation>Presenter</translation>
    </message>
    <message>
        <source>Tổng</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Xác nhận</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Có mặt</source>
        <translation>Attended</translation>
    </message>
    <message>
        <source>Báo vắng</source>
        <translation>Declined</translation>
    </message>
    <message>
        <source>Chưa trả lời</source>
        <translation>No reply</translation>
    </message>
    <message>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>Trễ (ngày)</source>
        <translation>Late (days)</translation>
    </message>
    <message>
        <source>Thời gian</source>
        <translation>Timeframe</translation>
    </message>
    <message>
        <source>Báo cáo gần nhất</source>
        <translation>Latest report</translation>
    </message>
    <message>
        <source>Cấp</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Chức danh</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Quyết định</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Mã</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Tên hội nghị</source>
        <translation>Conference</translation>
    </message>
    <message>
        <source>Việc</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Chưa gửi</source>
        <translation>Unsent</translation>
    </message>
    <message>
        <source>Lĩnh vực</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Thêm</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Sửa</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Số</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Dòng</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Giá trị hiện tại</source>
        <translation>Current value</translation>
    </message>
    <message>
        <source>Giá trị bị ghi đè</source>
        <translation>Overwritten value</translation>
    </message>
    <message>
        <source>Của</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Lúc</source>
        <translation>At</translation>
    </message>
    <message>
        <source>Dấu vân tay</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>Văn phòng báo cáo</source>
        <translation>Reporting office</translation>
    </message>
    <message>
        <source>Thuộc kế hoạch</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Nội dung nhiệm vụ</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Ngày báo cáo</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Nội dung báo cáo</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Dữ liệu</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Ngày xóa</source>
        <translation>Deleted on</translation>
    </message>
    <message>
        <source>Vì sao còn giữ</source>
        <translation>Why it is kept</translation>
    </message>
</context>
<context>
    <name>ConferenceDialog</name>
    <message>
        <source>Mục đích:</source>
        <translation>Purpose:</translation>
    </message>
    <message>
        <source>Yêu cầu:</source>
        <translation>Requirements:</translation>
    </message>
    <message>
        <source>Nội dung:</source>
        <translation>Content:</translation>
    </message>
    <message>
        <source>Hình thức (như in):</source>
        <translation>Format (as printed):</translation>
    </message>
    <message>
        <source>Maket (mỗi dòng một dòng chữ):</source>
        <translation>Backdrop (one line per row):</translation>
    </message>
    <message>
        <source>Bảo đảm (mỗi dòng một mục):</source>
        <translation>Logistics (one item per line):</translation>
    </message>
    <message>
        <source>Câu kết:</source>
        <translation>Closing sentence:</translation>
    </message>
    <message>
        <source>Thông tin hội nghị</source>
        <translation>Conference details</translation>
    </message>
    <message>
        <source>Tên hội nghị:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <source>Ngày giờ:</source>
        <translation>Date and time:</translation>
    </message>
    <message>
        <source>Thời lượng (như in):</source>
        <translation>Length (as printed):</translation>
    </message>
    <message>
        <source>Hình thức:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Số, ký hiệu kế hoạch:</source>
        <translation>Plan number:</translation>
    </message>
    <message>
        <source>Liên hệ:</source>
        <translation>Contact:</translation>
    </message>
    <message>
        <source>Nơi nhận (mỗi dòng một nơi):</source>
        <translation>Recipients (one per line):</translation>
    </message>
    <message>
        <source>KT. TRƯỞNG BAN</source>
        <translation>Authority (KT. TRƯỞNG BAN)</translation>
    </message>
    <message>
        <source>Chức vụ</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Chức vụ thứ hai</source>
        <translation>Second position</translation>
    </message>
    <message>
        <source>Họ tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Ký hiệu người soạn</source>
        <translation>Drafter&apos;s mark</translation>
    </message>
    <message>
        <source>Người ký:</source>
        <translation>Signed by:</translation>
    </message>
    <message>
        <source>Đã lấy bản của người khác cho: {fields}. Bấm Lưu để lưu các thay đổi còn lại của bạn.</source>
        <translation>Took the other person&apos;s version of: {fields}. Press Save to save the rest of your changes.</translation>
    </message>
</context>
<context>
    <name>ConferencesView</name>
    <message>
        <source>&amp;Mới theo mẫu…</source>
        <translation>&amp;New from template…</translation>
    </message>
    <message>
        <source>Hội nghị mới theo mẫu hội nghị sơ kết</source>
        <translation>New conference from the review template</translation>
    </message>
    <message>
        <source>&amp;Sao chép…</source>
        <translation>&amp;Copy…</translation>
    </message>
    <message>
        <source>Sao chép hội nghị đang chọn sang ngày mới</source>
        <translation>Copy the chosen conference to a new date</translation>
    </message>
    <message>
        <source>S&amp;ửa…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>Sửa thông tin hội nghị</source>
        <translation>Edit the conference details</translation>
    </message>
    <message>
        <source>&amp;Xuất…</source>
        <translation>E&amp;xport…</translation>
    </message>
    <message>
        <source>Xuất kế hoạch, giấy mời, danh sách, chương trình, maket</source>
        <translation>Export plan, invitations, lists, programme, backdrop</translation>
    </message>
    <message>
        <source>Đánh dấu &amp;xong / chưa xong</source>
        <translation>Mark &amp;done / not done</translation>
    </message>
    <message>
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Xác nhận dự</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Báo vắng</source>
        <translation>Declined</translation>
    </message>
    <message>
        <source>Có mặt</source>
        <translation>Attended</translation>
    </message>
    <message>
        <source>Chưa trả lời</source>
        <translation>No reply</translation>
    </message>
    <message>
        <source>+ Cả Ban Chỉ huy…</source>
        <translation>+ Whole board…</translation>
    </message>
    <message>
        <source>+ Cơ quan…</source>
        <translation>+ Organizations…</translation>
    </message>
    <message>
        <source>+ Chủ tịch các xã (điểm cầu)</source>
        <translation>+ Commune chairs (bridge sites)</translation>
    </message>
    <message>
        <source>Trả lời của các dòng chọn:</source>
        <translation>Reply of the selected rows:</translation>
    </message>
    <message>
        <source>Đại biểu</source>
        <translation>Invitees</translation>
    </message>
    <message>
        <source>+ Tham luận…</source>
        <translation>+ Presentation…</translation>
    </message>
    <message>
        <source>Đã nhận / chưa nhận</source>
        <translation>Received / not received</translation>
    </message>
    <message>
        <source>+ Nhiệm vụ…</source>
        <translation>+ Duty…</translation>
    </message>
    <message>
        <source>Xong / chưa xong</source>
        <translation>Done / not done</translation>
    </message>
    <message>
        <source>Tham luận (quá hạn tô đỏ)</source>
        <translation>Presentations (overdue in red)</translation>
    </message>
    <message>
        <source>Nhiệm vụ chuẩn bị</source>
        <translation>Preparation duties</translation>
    </message>
    <message>
        <source>Tham luận, nhiệm vụ</source>
        <translation>Presentations, duties</translation>
    </message>
    <message>
        <source>+ Điểm cầu…</source>
        <translation>+ Venue…</translation>
    </message>
    <message>
        <source>Xóa điểm cầu</source>
        <translation>Delete venue</translation>
    </message>
    <message>
        <source>+ Mục…</source>
        <translation>+ Item…</translation>
    </message>
    <message>
        <source>Lên</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Xuống</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Xóa mục</source>
        <translation>Delete item</translation>
    </message>
    <message>
        <source>Điểm cầu và người chủ trì</source>
        <translation>Venues and their chairs</translation>
    </message>
    <message>
        <source>Chương trình</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Điểm cầu, chương trình</source>
        <translation>Venues, programme</translation>
    </message>
    <message>
        <source>Chưa có hội nghị nào.</source>
        <translation>No conference yet.</translation>
    </message>
    <message>
        <source>Chưa có ngày họp.</source>
        <translation>No date set.</translation>
    </message>
    <message>
        <source>{time} ngày {date} — còn {days} ngày.</source>
        <translation>{time} on {date} — {days} days left.</translation>
    </message>
    <message>
        <source>Đã họp ngày {date}.</source>
        <translation>Held on {date}.</translation>
    </message>
    <message>
        <source>Đại biểu: {total} ({venues} điểm cầu) — xác nhận {confirmed}, có mặt {attended}, báo vắng {declined}, chưa trả lời {waiting}.</source>
        <translation>Invitees: {total} ({venues} venues) — confirmed {confirmed}, attended {attended}, declined {declined}, no reply {waiting}.</translation>
    </message>
    <message>
        <source>Tham luận: đã nhận {received}/{total}, quá hạn {overdue}.</source>
        <translation>Presentations: received {received}/{total}, overdue {overdue}.</translation>
    </message>
    <message>
        <source>Nhiệm vụ chuẩn bị: xong {done}/{total}, quá hạn {overdue}.</source>
        <translation>Preparation duties: done {done}/{total}, overdue {overdue}.</translation>
    </message>
    <message>
        <source>Việc quá hạn: {count} (tô đỏ bên dưới).</source>
        <translation>Overdue: {count} (in red below).</translation>
    </message>
    <message>
        <source>Đã tạo hội nghị theo mẫu.</source>
        <translation>Conference created from the template.</translation>
    </message>
    <message>
        <source>Đã sao chép hội nghị sang ngày mới.</source>
        <translation>Conference copied to the new date.</translation>
    </message>
    <message>
        <source>Đã ghi trả lời cho {count} đại biểu.</source>
        <translation>Reply recorded for {count} invitees.</translation>
    </message>
    <message>
        <source>Triệu tập cả Ban Chỉ huy</source>
        <translation>Summon a whole board</translation>
    </message>
    <message>
        <source>Mời cơ quan trong danh mục</source>
        <translation>Invite organizations from the catalogue</translation>
    </message>
    <message>
        <source>Đã thêm Chủ tịch các xã, phường làm chủ trì điểm cầu.</source>
        <translation>Commune chairs added as bridge-site chairs.</translation>
    </message>
    <message>
        <source>Đã xóa điểm cầu.</source>
        <translation>Venue deleted.</translation>
    </message>
    <message>
        <source>Đã xóa mục chương trình.</source>
        <translation>Agenda item deleted.</translation>
    </message>
    <message>
        <source>Xuất văn bản hội nghị</source>
        <translation>Export conference documents</translation>
    </message>
    <message>
        <source>Đang soạn và ghi {what}…</source>
        <translation>Preparing and writing {what}…</translation>
    </message>
    <message>
        <source>Đã xuất vào {path}</source>
        <translation>Exported to {path}</translation>
    </message>
    <message>
        <source>Đã hủy xuất văn bản; không tệp nào được ghi.</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <source>Chưa có hội nghị nào. Nhấn “Mới theo mẫu…” (Ctrl+N) để tạo hội nghị đầu tiên.</source>
        <translation>No conference yet. Press “New from template…” (Ctrl+N) to create the first one.</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <source>{label} không được để trống.</source>
        <translation>{label} must not be empty.</translation>
    </message>
    <message>
        <source>{label} dài quá {limit} ký tự ({length}).</source>
        <translation>{label} is longer than {limit} characters ({length}).</translation>
    </message>
    <message>
        <source>Không tìm thấy {what} có mã {id}.</source>
        <translation>No {what} with id {id}.</translation>
    </message>
    <message>
        <source>Không ghi được tệp đăng ký {path}: {problem}. Văn phòng “{name}” đã được đăng ký; hãy xuất lại tệp vào chỗ khác.</source>
        <translation>Cannot write the enrolment file {path}: {problem}. The office “{name}” has been registered; write the file again somewhere else.</translation>
    </message>
    <message>
        <source>không phải tệp đăng ký PTDS</source>
        <translation>not a PTDS enrolment file</translation>
    </message>
    <message>
        <source>Tệp đăng ký {path} không đọc được: {problem}</source>
        <translation>The enrolment file {path} cannot be read: {problem}</translation>
    </message>
    <message>
        <source>Tệp đăng ký {path} bị sửa hoặc hỏng: chữ ký không khớp.</source>
        <translation>The enrolment file {path} was altered or is damaged: the signature does not match.</translation>
    </message>
    <message>
        <source>Tệp đăng ký {path} do phiên bản mới hơn tạo. Hãy cập nhật ứng dụng lên phiên bản {version}.</source>
        <translation>The enrolment file {path} was written by a newer version. Update the application to version {version}.</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu này đã được khởi tạo cho một văn phòng.</source>
        <translation>This database has already been set up for an office.</translation>
    </message>
    <message>
        <source>Cấp không hợp lệ: {level!r} (chọn một trong: {choices}).</source>
        <translation>Invalid level: {level!r} (choose one of: {choices}).</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu chưa được khởi tạo. Hãy chạy &apos;ptds init --office TÊN --level province|commune&apos;.</source>
        <translation>The database has not been set up. Run &apos;ptds init --office NAME --level province|commune&apos;.</translation>
    </message>
    <message>
        <source>Loại cơ quan không hợp lệ: {kind!r}.</source>
        <translation>Invalid organization kind: {kind!r}.</translation>
    </message>
    <message>
        <source>Cơ quan cấp trên không thể là chính nó hoặc đơn vị trực thuộc của nó.</source>
        <translation>The parent organization cannot be the organization itself or one of its units.</translation>
    </message>
    <message>
        <source>Đã có cơ quan, đơn vị tên “{name}”.</source>
        <translation>An organization named “{name}” already exists.</translation>
    </message>
    <message>
        <source>Không xóa được “{name}”: còn đơn vị trực thuộc “{child}”.</source>
        <translation>Cannot delete “{name}”: it still has the unit “{child}”.</translation>
    </message>
    <message>
        <source>Số điện thoại chỉ gồm chữ số (có thể có dấu chấm, cách, +84): “{text}”.</source>
        <translation>A phone number has only digits (dots, spaces and +84 allowed): “{text}”.</translation>
    </message>
    <message>
        <source>Chỉ nhận số điện thoại Việt Nam (+84): “{text}”.</source>
        <translation>Only Vietnamese phone numbers (+84) are accepted: “{text}”.</translation>
    </message>
    <message>
        <source>Số điện thoại không hợp lệ: “{text}”. Di động có 10 chữ số bắt đầu bằng 03, 05, 07, 08, 09 (ví dụ 0819.449.153); máy bàn có 11 chữ số bắt đầu bằng 02.</source>
        <translation>Invalid phone number: “{text}”. Mobiles have 10 digits starting 03, 05, 07, 08 or 09 (for example 0819.449.153); landlines have 11 digits starting 02.</translation>
    </message>
    <message>
        <source>Địa chỉ thư điện tử không hợp lệ: “{text}” (ví dụ ten@daklak.gov.vn).</source>
        <translation>Invalid e-mail address: “{text}” (for example name@daklak.gov.vn).</translation>
    </message>
    <message>
        <source>Chức vụ dài quá 300 ký tự ({length}).</source>
        <translation>The title is longer than 300 characters ({length}).</translation>
    </message>
    <message>
        <source>Có thể trùng người đã có: {name}{title}, điện thoại {phone}. Hãy chọn người đã có, gộp hai hồ sơ, hoặc xác nhận đây là người khác.</source>
        <translation>This may be someone already recorded: {name}{title}, phone {phone}. Choose that person, merge the two records, or confirm this is someone else.</translation>
    </message>
    <message>
        <source>Không xóa được “{name}”: đang là thành viên Ban Chỉ huy. Hãy kết thúc bằng quyết định kiện toàn trước.</source>
        <translation>Cannot delete “{name}”: a member of a command board. End the membership by a reorganisation decision first.</translation>
    </message>
    <message>
        <source>Không thể gộp một người với chính họ.</source>
        <translation>A person cannot be merged with themselves.</translation>
    </message>
    <message>
        <source>Hồ sơ này đã được gộp vào người khác.</source>
        <translation>This record has already been merged into another person.</translation>
    </message>
    <message>
        <source>Không gộp được: cả “{name}” và hồ sơ trùng đều đang là thành viên cùng một Ban Chỉ huy. Hãy kết thúc một trong hai tư cách thành viên trước.</source>
        <translation>Cannot merge: both “{name}” and the duplicate record are members of the same command board. End one of the two memberships first.</translation>
    </message>
    <message>
        <source>Hãy cho biết tên hoặc mã của người cần xem.</source>
        <translation>Give the name or id of the person to show.</translation>
    </message>
    <message>
        <source>Không tìm thấy người nào có tên hoặc mã “{ref}”.</source>
        <translation>Nobody has the name or id “{ref}”.</translation>
    </message>
    <message>
        <source>
  … và {count} người khác</source>
        <translation>
  … and {count} others</translation>
    </message>
    <message>
        <source>“{ref}” khớp {count} người; hãy gõ mã (vài ký tự đầu) của người cần xem:</source>
        <translation>“{ref}” matches {count} people; type the id (its first characters) of the person to show:</translation>
    </message>
    <message>
        <source>Ngày ký {date} là một ngày trong tương lai (hôm nay là {today}).</source>
        <translation>The signing date {date} is in the future (today is {today}).</translation>
    </message>
    <message>
        <source>Ngày ký {date} trước ngày Ban được thành lập ({founded}, Quyết định số {number}): khi đó Ban chưa có thành viên nào.</source>
        <translation>The signing date {date} is before the board was founded ({founded}, decision {number}): it had no members then.</translation>
    </message>
    <message>
        <source>Chỉ văn phòng đã đăng ký “{office}” mới được đổi cấp và đơn vị cấp trên của nó.</source>
        <translation>Only the office that enrolled “{office}” may change its level and its parent office.</translation>
    </message>
    <message>
        <source>Gói {name} dùng định dạng mới hơn phiên bản này đọc được. Hãy cập nhật ứng dụng.</source>
        <translation>Bundle {name} uses a newer format than this version reads. Please update the application.</translation>
    </message>
    <message>
        <source>XUNG ĐỘT KHÓA: “{office}” có nhiều khóa khác nhau ({fingerprints}); một khóa là giả mạo. Thay đổi của văn phòng này được giữ lại, chưa áp dụng và chưa xác nhận đã nhận. Hãy gọi điện cho văn phòng đó, đọc dấu vân tay đúng rồi xác nhận: ptds sync keys --confirm {office_id} DẤU_VÂN_TAY.</source>
        <translation>KEY CONFLICT: “{office}” has several different keys ({fingerprints}); one of them is forged. This office&apos;s changes are held: not applied and not acknowledged. Phone that office, read the right fingerprint and confirm it: ptds sync keys --confirm {office_id} FINGERPRINT.</translation>
    </message>
    <message>
        <source>Không tìm thấy văn phòng có mã {id} trong các khóa đã biết (xem &apos;ptds sync keys&apos;).</source>
        <translation>No office with id {id} among the known keys (see &apos;ptds sync keys&apos;).</translation>
    </message>
    <message>
        <source>Dấu vân tay {fingerprint} không khớp khóa nào của văn phòng này.</source>
        <translation>Fingerprint {fingerprint} matches none of this office&apos;s keys.</translation>
    </message>
    <message>
        <source>Không tạo được thư mục {folder}: {reason}.</source>
        <translation>Cannot create the folder {folder}: {reason}.</translation>
    </message>
    <message>
        <source>{path} không phải thư mục; khi gửi cho mọi văn phòng hãy chọn một thư mục.</source>
        <translation>{path} is not a folder; to send to every office, choose a folder.</translation>
    </message>
    <message>
        <source>Không tìm thấy văn phòng nhận có mã “{id}” (xem &apos;ptds sync peers&apos;).</source>
        <translation>No recipient office with id “{id}” (see &apos;ptds sync peers&apos;).</translation>
    </message>
    <message>
        <source>Gói {name} do PTDS Desktop phiên bản {version} tạo; phiên bản này ({current}) không đọc được. Hãy cập nhật ứng dụng lên phiên bản {version}.</source>
        <translation>Bundle {name} was made by PTDS Desktop {version}; this version ({current}) cannot read it. Please update the application to version {version}.</translation>
    </message>
    <message>
        <source>Gói {name} do một phiên bản PTDS Desktop mới hơn tạo; phiên bản này ({current}) không đọc được. Hãy cập nhật ứng dụng.</source>
        <translation>Bundle {name} was made by a newer PTDS Desktop; this version ({current}) cannot read it. Please update the application.</translation>
    </message>
    <message>
        <source>Gói {name} sai chữ ký: manifest không khớp chữ ký kèm theo, đã bị sửa hoặc giả mạo. Không áp dụng.</source>
        <translation>Bundle {name} has a bad signature: the manifest does not match its signature; it was altered or forged. Not applied.</translation>
    </message>
    <message>
        <source>Gói {name} sai chữ ký: manifest không do “{office}” ký hoặc đã bị sửa. Không áp dụng.</source>
        <translation>Bundle {name} has a bad signature: the manifest was not signed by “{office}” or was altered. Not applied.</translation>
    </message>
    <message>
        <source>Gói {name} bị hỏng: manifest thiếu thông tin văn phòng gửi.</source>
        <translation>Bundle {name} is damaged: the manifest lacks the sending office.</translation>
    </message>
    <message>
        <source>Gói {name} gửi cho văn phòng khác (“{office}”), không phải văn phòng này.</source>
        <translation>Bundle {name} is addressed to another office (“{office}”), not to this one.</translation>
    </message>
    <message>
        <source>văn phòng chưa có trong danh sách</source>
        <translation>an office not in the list yet</translation>
    </message>
    <message>
        <source>Gói {name} do chính văn phòng này tạo; hãy nhập gói của văn phòng khác.</source>
        <translation>Bundle {name} was made by this office itself; import another office&apos;s bundle.</translation>
    </message>
    <message>
        <source>đã có trong danh sách</source>
        <translation>already in the list</translation>
    </message>
    <message>
        <source>chưa có trong danh sách văn phòng</source>
        <translation>not in the list of offices yet</translation>
    </message>
    <message>
        <source>Gói {name} do văn phòng lạ gửi: “{office}” (mã {id}, {where}). Dấu vân tay khóa: {fingerprint}. Hãy gọi điện đối chiếu với văn phòng đó; nếu đúng, nhập lại với --trust {fingerprint}.</source>
        <translation>Bundle {name} comes from an unknown office: “{office}” (id {id}, {where}). Key fingerprint: {fingerprint}. Phone that office to compare it; if it matches, import again with --trust {fingerprint}.</translation>
    </message>
    <message>
        <source>Gói {name}: khóa của “{office}” khác khóa đã biết — gói giả mạo hoặc văn phòng đã cài lại. Không áp dụng.</source>
        <translation>Bundle {name}: the key of “{office}” differs from the known key — a forged bundle, or the office was reinstalled. Not applied.</translation>
    </message>
    <message>
        <source>{office}: {count} thay đổi (chưa biết khóa)</source>
        <translation>{office}: {count} changes (key not known yet)</translation>
    </message>
    <message>
        <source>Gói {name}: đoạn thay đổi {segment} không khớp chữ ký của văn phòng “{office}” — đã bị sửa hoặc giả mạo trên đường chuyển (gửi qua “{sender}”). Không áp dụng.</source>
        <translation>Bundle {name}: change segment {segment} does not match the signature of “{office}” — altered or forged on the way (sent through “{sender}”). Not applied.</translation>
    </message>
    <message>
        <source>Gói {name}</source>
        <translation>Bundle {name}</translation>
    </message>
    <message>
        <source>Gói {name} đã được nhập trước đây.</source>
        <translation>Bundle {name} was imported before.</translation>
    </message>
    <message>
        <source>Xem trước gói {name}: {count} thay đổi mới.</source>
        <translation>Preview of bundle {name}: {count} new changes.</translation>
    </message>
    <message>
        <source>Gói {name} không có gì mới.</source>
        <translation>Bundle {name} has nothing new.</translation>
    </message>
    <message>
        <source>Gói {name} đã được nhập trước đây; không có gì thay đổi.</source>
        <translation>Bundle {name} was imported before; nothing changed.</translation>
    </message>
    <message>
        <source>Đã nhập gói {name} từ “{office}”: {count} thay đổi mới.</source>
        <translation>Imported bundle {name} from “{office}”: {count} new changes.</translation>
    </message>
    <message>
        <source>Gói {name} không có gì mới (các thay đổi đã có từ trước).</source>
        <translation>Bundle {name} has nothing new (its changes were already here).</translation>
    </message>
    <message>
        <source>Khóa ký trong tệp đăng ký bị hỏng.</source>
        <translation>The signing key in the enrolment file is damaged.</translation>
    </message>
    <message>
        <source>Khóa ký trong tệp đăng ký không phải khóa Ed25519.</source>
        <translation>The signing key in the enrolment file is not an Ed25519 key.</translation>
    </message>
    <message>
        <source>Tệp khóa {path} không phải khóa {kind}.</source>
        <translation>The key file {path} is not an {kind} key.</translation>
    </message>
    <message>
        <source>Tệp khóa {path} được bảo vệ bằng mật khẩu nhưng cơ sở dữ liệu chưa được mở bằng mật khẩu.</source>
        <translation>The key file {path} is protected by a passphrase, but the database was not opened with one.</translation>
    </message>
    <message>
        <source>Không tìm thấy khóa ký của văn phòng này ({path}). Khóa nằm cạnh tệp cơ sở dữ liệu, trong thư mục .keys; hãy chép lại thư mục đó từ bản sao lưu.</source>
        <translation>This office&apos;s signing key was not found ({path}). The key lies beside the database file, in the .keys folder; copy that folder back from a backup.</translation>
    </message>
    <message>
        <source>Mật khẩu không mở được tệp khóa {path} (khóa được bảo vệ bằng mật khẩu khác).</source>
        <translation>The passphrase does not open the key file {path} (it is protected by another passphrase).</translation>
    </message>
    <message>
        <source>Tệp khóa {path} bị hỏng, không đọc được.</source>
        <translation>Key file {path} is damaged and cannot be read.</translation>
    </message>
    <message>
        <source>Không tìm thấy dòng {id} ({table}).</source>
        <translation>Row {id} ({table}) not found.</translation>
    </message>
    <message>
        <source>Lỗi: {exc}</source>
        <translation>Error: {exc}</translation>
    </message>
    <message>
        <source>Lỗi: {problem}</source>
        <translation>Error: {problem}</translation>
    </message>
    <message>
        <source>Đã hủy.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>Lệnh này chỉ dùng cho tệp cơ sở dữ liệu SQLite; cơ sở dữ liệu {url} trên máy chủ được bảo vệ bằng tài khoản và cấu hình của máy chủ.</source>
        <translation>This command is for SQLite database files only; the server database {url} is protected by the server&apos;s accounts and configuration.</translation>
    </message>
    <message>
        <source>Bản này chỉ có dòng lệnh; hãy mở ứng dụng PTDS Desktop để dùng cửa sổ.</source>
        <translation>This build is command-line only; open the PTDS Desktop application to use the window.</translation>
    </message>
    <message>
        <source>thư mục {parent} không tồn tại; hãy tạo thư mục đó trước hoặc chọn chỗ lưu khác</source>
        <translation>folder {parent} does not exist; create it first or choose another place to save</translation>
    </message>
    <message>
        <source>Thiếu giờ bắt đầu.</source>
        <translation>The start time is missing.</translation>
    </message>
    <message>
        <source>Thời gian: {when}{left}; {format_label}; {venues} điểm cầu</source>
        <translation>When: {when}{left}; {format_label}; {venues} sites</translation>
    </message>
    <message>
        <source>Đại biểu: {total} (xác nhận {confirmed}, báo vắng {declined}, có mặt {attended}, chưa trả lời {invited})</source>
        <translation>Invitees: {total} (confirmed {confirmed}, declined {declined}, attended {attended}, no reply {invited})</translation>
    </message>
    <message>
        <source>Tham luận: đã nhận {presentations_received}/{presentations_total}, quá hạn {presentations_overdue}</source>
        <translation>Presentations: received {presentations_received}/{presentations_total}, overdue {presentations_overdue}</translation>
    </message>
    <message>
        <source>Nhiệm vụ chuẩn bị: xong {duties_done}/{duties_total}, quá hạn {duties_overdue}</source>
        <translation>Preparation duties: done {duties_done}/{duties_total}, overdue {duties_overdue}</translation>
    </message>
    <message>
        <source>  QUÁ HẠN {due}: {title}</source>
        <translation>  OVERDUE {due}: {title}</translation>
    </message>
    <message>
        <source>Đã tạo hội nghị “{title}”, mã {id}</source>
        <translation>Created conference “{title}”, id {id}</translation>
    </message>
    <message>
        <source>Đã sao chép thành hội nghị ngày {date_label}, mã {id}</source>
        <translation>Copied into a conference on {date_label}, id {id}</translation>
    </message>
    <message>
        <source>Không có cơ quan “{name}” trong danh mục (xem &apos;ptds org list&apos;).</source>
        <translation>No organization “{name}” in the catalogue (see &apos;ptds org list&apos;).</translation>
    </message>
    <message>
        <source>Đã thêm {count} đại biểu.</source>
        <translation>Added {count} invitees.</translation>
    </message>
    <message>
        <source>Đã ghi “{status}” cho {changed} đại biểu.</source>
        <translation>Recorded “{status}” for {changed} invitees.</translation>
    </message>
    <message>
        <source>{document} không phải bảng; chỉ danh sách đại biểu và chương trình xuất được ra Excel (dùng --format pdf hoặc docx).</source>
        <translation>{document} is not a table; only the invitee list and the agenda can be exported to Excel (use --format pdf or docx).</translation>
    </message>
    <message>
        <source>Đã xuất {document}{extra} vào {written}</source>
        <translation>Exported {document}{extra} to {written}</translation>
    </message>
    <message>
        <source>Hãy ghi nhớ mật khẩu (hoặc cất bản ghi ở nơi an toàn): mất mật khẩu là mất dữ liệu, không ai khôi phục được.</source>
        <translation>Remember the passphrase (or keep it written down somewhere safe): a lost passphrase means lost data, and nobody can recover it.</translation>
    </message>
    <message>
        <source>Đã có cơ sở dữ liệu {path}; dùng &apos;ptds encrypt&apos; để mã hóa nó.</source>
        <translation>The database {path} already exists; use &apos;ptds encrypt&apos; to encrypt it.</translation>
    </message>
    <message>
        <source>Mật khẩu mới cho cơ sở dữ liệu: </source>
        <translation>New passphrase for the database: </translation>
    </message>
    <message>
        <source>Đã khởi tạo văn phòng “{name}” theo tệp đăng ký, mã {office_id}; nhận danh mục {count} cơ quan, đơn vị của cấp trên</source>
        <translation>Office “{name}” set up from the enrolment file, id {office_id}; received the parent office&apos;s catalogue of {count} agencies and units</translation>
    </message>
    <message>
        <source>Tệp do “{parent}” đăng ký; dấu vân tay khóa của họ (gọi điện đối chiếu): {fingerprint}</source>
        <translation>File registered by “{parent}”; their key fingerprint (compare it by phone): {fingerprint}</translation>
    </message>
    <message>
        <source>Dấu vân tay khóa của văn phòng này (báo cho cấp trên đối chiếu): {fingerprint}</source>
        <translation>This office&apos;s key fingerprint (tell the office above so it can compare): {fingerprint}</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu: {db_path}</source>
        <translation>Database: {db_path}</translation>
    </message>
    <message>
        <source>Cần --office TÊN (hoặc --enrol TỆP để nhận tệp đăng ký từ tỉnh).</source>
        <translation>Give --office NAME (or --enrol FILE to take an enrolment file from the province).</translation>
    </message>
    <message>
        <source>Đã khởi tạo văn phòng “{name}” ({level_label}), mã {id}</source>
        <translation>Set up office “{name}” ({level_label}), id {id}</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu: {db_path} (đã mã hóa)</source>
        <translation>Database: {db_path} (encrypted)</translation>
    </message>
    <message>
        <source>Đã mã hóa {database}, {backups} bản sao lưu và {keys} tệp khóa ký.</source>
        <translation>Encrypted {database}, {backups} backups and {keys} signing key files.</translation>
    </message>
    <message>
        <source>Mật khẩu hiện tại: </source>
        <translation>Current passphrase: </translation>
    </message>
    <message>
        <source>Mật khẩu mới: </source>
        <translation>New passphrase: </translation>
    </message>
    <message>
        <source>Đã đổi mật khẩu của {database}, {backups} bản sao lưu và {keys} tệp khóa ký.</source>
        <translation>Changed the passphrase of {database}, {backups} backups and {keys} signing key files.</translation>
    </message>
    <message>
        <source>Phiên bản lược đồ: {revision} (ứng dụng {version})</source>
        <translation>Schema revision: {revision} (application {version})</translation>
    </message>
    <message>
        <source>Văn phòng: {office}</source>
        <translation>Office: {office}</translation>
    </message>
    <message>
        <source>(chưa khởi tạo)</source>
        <translation>(not set up)</translation>
    </message>
    <message>
        <source>Toàn vẹn: </source>
        <translation>Integrity: </translation>
    </message>
    <message>
        <source>LỖI</source>
        <translation>ERROR</translation>
    </message>
    <message>
        <source>Không sao lưu được vào {output}: {exc}</source>
        <translation>Could not back up to {output}: {exc}</translation>
    </message>
    <message>
        <source>Đã sao lưu vào {target}</source>
        <translation>Backed up to {target}</translation>
    </message>
    <message>
        <source>Chưa có bản sao lưu nào của {db_path}.</source>
        <translation>There is no backup of {db_path} yet.</translation>
    </message>
    <message>
        <source>Đã khôi phục {db_path} từ {restored_from}: {boards} ban, {members} thành viên, {plans} kế hoạch, {tasks} nhiệm vụ.</source>
        <translation>Restored {db_path} from {restored_from}: {boards} boards, {members} members, {plans} plans, {tasks} tasks.</translation>
    </message>
    <message>
        <source>Bản cơ sở dữ liệu trước khi khôi phục được giữ tại {safety_copy}</source>
        <translation>The database as it was before the restore is kept at {safety_copy}</translation>
    </message>
    <message>
        <source>{heading}: {inserted} dòng mới, {updated} dòng cập nhật, {unchanged} dòng không đổi.</source>
        <translation>{heading}: {inserted} new rows, {updated} updated rows, {unchanged} unchanged rows.</translation>
    </message>
    <message>
        <source>  {table}: {inserted} mới, {updated} cập nhật, {unchanged} không đổi</source>
        <translation>  {table}: {inserted} new, {updated} updated, {unchanged} unchanged</translation>
    </message>
    <message>
        <source>Đã xuất {rows} dòng của {tables} bảng vào {output}</source>
        <translation>Exported {rows} rows of {tables} tables to {output}</translation>
    </message>
    <message>
        <source>Đã nhập {file}</source>
        <translation>Imported {file}</translation>
    </message>
    <message>
        <source>Đã khởi tạo văn phòng mẫu “{name}”, mã {id}</source>
        <translation>Set up the sample office “{name}”, id {id}</translation>
    </message>
    <message>
        <source>Đã sinh dữ liệu quy mô tỉnh: {boards} Ban Chỉ huy, {members} thành viên, {plans} kế hoạch, {tasks} nhiệm vụ, {reports} báo cáo tiến độ, {conferences} hội nghị, {invitees} khách mời.</source>
        <translation>Generated province-scale data: {boards} command boards, {members} members, {plans} plans, {tasks} tasks, {reports} progress reports, {conferences} conferences, {invitees} invitees.</translation>
    </message>
    <message>
        <source>Dữ liệu mẫu đã có sẵn ({unchanged} dòng), không thêm gì.</source>
        <translation>The sample data is already there ({unchanged} rows); nothing added.</translation>
    </message>
    <message>
        <source>Đã nạp dữ liệu mẫu</source>
        <translation>Loaded the sample data</translation>
    </message>
    <message>
        <source> (mặc định)</source>
        <translation> (default)</translation>
    </message>
    <message>
        <source>Đã thêm “{name}” (mã {id})</source>
        <translation>Added “{name}” (id {id})</translation>
    </message>
    <message>
        <source>Đã xóa “{name}”</source>
        <translation>Deleted “{name}”</translation>
    </message>
    <message>
        <source>{name} — ngày {date}</source>
        <translation>{name} — on {date}</translation>
    </message>
    <message>
        <source>{document} không xuất ra {format}; hãy chọn: {allowed}.</source>
        <translation>{document} cannot be exported as {format}; choose: {allowed}.</translation>
    </message>
    <message>
        <source>Đã xuất “{title}” vào {output}</source>
        <translation>Exported “{title}” to {output}</translation>
    </message>
    <message>
        <source>Ban Chỉ huy này không có Quyết định số {wanted}.</source>
        <translation>This board has no Decision No. {wanted}.</translation>
    </message>
    <message>
        <source>nay</source>
        <translation>now</translation>
    </message>
    <message>
        <source>Mã “{ident}” trùng phần đầu với nhiều {label}; hãy gõ thêm ký tự.</source>
        <translation>Id “{ident}” is the start of several {label} ids; type more characters.</translation>
    </message>
    <message>
        <source>Không tìm thấy tệp {path}.</source>
        <translation>File {path} not found.</translation>
    </message>
    <message>
        <source>Trang “{sheet}”, dòng tiêu đề cột {header_row}: {title}</source>
        <translation>Sheet “{sheet}”, column header row {header_row}: {title}</translation>
    </message>
    <message>
        <source>{section_count} nhóm, {task_count} nhiệm vụ; cơ quan khớp danh mục: {linked_agencies}, giữ nguyên chữ: {worded_agencies}</source>
        <translation>{section_count} groups, {task_count} tasks; agencies matched in the catalogue: {linked_agencies}, kept as written: {worded_agencies}</translation>
    </message>
    <message>
        <source>Đã tạo kế hoạch {id}</source>
        <translation>Created plan {id}</translation>
    </message>
    <message>
        <source>Chưa nhập được: {count} dòng chưa hiểu.</source>
        <translation>Not imported: {count} rows not understood.</translation>
    </message>
    <message>
        <source>Xem trước: chưa ghi gì (bỏ --dry-run để nhập).</source>
        <translation>Preview: nothing written (leave out --dry-run to import).</translation>
    </message>
    <message>
        <source>Không rõ định dạng của {name}: hãy dùng --format {choices}.</source>
        <translation>Unknown format of {name}: use --format {choices}.</translation>
    </message>
    <message>
        <source> hoặc </source>
        <translation> or </translation>
    </message>
    <message>
        <source>Đã xuất {sections} nhóm, {tasks} nhiệm vụ vào {output}</source>
        <translation>Exported {sections} groups, {tasks} tasks to {output}</translation>
    </message>
    <message>
        <source>Đã ghi báo cáo {id}: {status_label} {percent}% ngày {date}</source>
        <translation>Recorded report {id}: {status_label} {percent}% on {date}</translation>
    </message>
    <message>
        <source>Không ghi được tệp {path}: {exc}</source>
        <translation>Could not write file {path}: {exc}</translation>
    </message>
    <message>
        <source>Bảng “{table}”</source>
        <translation>Table “{table}”</translation>
    </message>
    <message>
        <source>, dòng {row}</source>
        <translation>, row {row}</translation>
    </message>
    <message>
        <source> (mã {id})</source>
        <translation> (id {id})</translation>
    </message>
    <message>
        <source>, trường “{field}”</source>
        <translation>, field “{field}”</translation>
    </message>
    <message>
        <source>không được để trống (null).</source>
        <translation>must not be empty (null).</translation>
    </message>
    <message>
        <source>phải là true hoặc false, không phải {value!r}.</source>
        <translation>must be true or false, not {value!r}.</translation>
    </message>
    <message>
        <source>phải là số nguyên, không phải {value!r}.</source>
        <translation>must be a whole number, not {value!r}.</translation>
    </message>
    <message>
        <source>dấu thời gian không được âm ({value}).</source>
        <translation>the timestamp must not be negative ({value}).</translation>
    </message>
    <message>
        <source>phải là ngày giờ dạng YYYY-MM-DDTHH:MM:SS, không phải {value!r}.</source>
        <translation>must be a date and time as YYYY-MM-DDTHH:MM:SS, not {value!r}.</translation>
    </message>
    <message>
        <source>ngày giờ không tồn tại: {value}.</source>
        <translation>no such date and time: {value}.</translation>
    </message>
    <message>
        <source>phải là ngày dạng YYYY-MM-DD, không phải {value!r}.</source>
        <translation>must be a date as YYYY-MM-DD, not {value!r}.</translation>
    </message>
    <message>
        <source>ngày không tồn tại: {value}.</source>
        <translation>no such date: {value}.</translation>
    </message>
    <message>
        <source>phải là chuỗi văn bản, không phải {value!r}.</source>
        <translation>must be a text string, not {value!r}.</translation>
    </message>
    <message>
        <source>văn bản chứa ký tự không hợp lệ U+{code:04X} ở vị trí {position}.</source>
        <translation>the text holds an invalid character U+{code:04X} at position {position}.</translation>
    </message>
    <message>
        <source>dài quá {length} ký tự ({count}).</source>
        <translation>is longer than {length} characters ({count}).</translation>
    </message>
    <message>
        <source>không được để trống.</source>
        <translation>must not be empty.</translation>
    </message>
    <message>
        <source>giá trị {text!r} không hợp lệ (chọn một trong: {choices}).</source>
        <translation>value {text!r} is not valid (choose one of: {choices}).</translation>
    </message>
    <message>
        <source>{where}: kiểu cột {kind} chưa được định dạng tệp dữ liệu hỗ trợ.</source>
        <translation>{where}: column type {kind} is not supported by the data file format yet.</translation>
    </message>
    <message>
        <source>thiếu mã (id) hoặc mã không phải chuỗi.</source>
        <translation>the id is missing or is not a string.</translation>
    </message>
    <message>
        <source>mã {value!r} không đúng dạng UUID (chữ thường, có gạch nối).</source>
        <translation>id {value!r} is not a UUID (lower case, with hyphens).</translation>
    </message>
    <message>
        <source>Tệp {source} không phải JSON hợp lệ: dòng {lineno}, cột {colno}: {msg}.</source>
        <translation>File {source} is not valid JSON: line {lineno}, column {colno}: {msg}.</translation>
    </message>
    <message>
        <source>Tệp {source}: phải là một đối tượng JSON có “format”, “version” và “tables”.</source>
        <translation>File {source}: must be a JSON object with “format”, “version” and “tables”.</translation>
    </message>
    <message>
        <source>Tệp {source} không phải tệp dữ liệu PTDS (cần &quot;format&quot;: &quot;{FORMAT_NAME}&quot;).</source>
        <translation>File {source} is not a PTDS data file (&quot;format&quot;: &quot;{FORMAT_NAME}&quot; is needed).</translation>
    </message>
    <message>
        <source>Tệp {source} dùng định dạng phiên bản {version!r}; phiên bản này của ứng dụng chỉ đọc được phiên bản {FORMAT_VERSION}.</source>
        <translation>File {source} uses format version {version!r}; this version of the application reads only version {FORMAT_VERSION}.</translation>
    </message>
    <message>
        <source>Tệp {source}: khóa không được hỗ trợ ở cấp ngoài cùng: {keys}.</source>
        <translation>File {source}: keys not supported at the top level: {keys}.</translation>
    </message>
    <message>
        <source>Tệp {source}: thiếu “tables” (đối tượng: tên bảng → danh sách dòng).</source>
        <translation>File {source}: “tables” is missing (an object: table name → list of rows).</translation>
    </message>
    <message>
        <source>Tệp {source}: bảng “{table}” không có trong dữ liệu đồng bộ của ứng dụng (các bảng: {tables}).</source>
        <translation>File {source}: table “{table}” is not among the application&apos;s synced data (the tables: {tables}).</translation>
    </message>
    <message>
        <source>phải là một danh sách các dòng.</source>
        <translation>must be a list of rows.</translation>
    </message>
    <message>
        <source>mỗi dòng phải là một đối tượng JSON.</source>
        <translation>each row must be a JSON object.</translation>
    </message>
    <message>
        <source>mã bị trùng với một dòng trước trong tệp.</source>
        <translation>the id repeats an earlier row of the file.</translation>
    </message>
    <message>
        <source>không có cột này trong bảng.</source>
        <translation>the table has no such column.</translation>
    </message>
    <message>
        <source>thiếu trường bắt buộc.</source>
        <translation>a required field is missing.</translation>
    </message>
    <message>
        <source>Không đọc được tệp {path}: {exc}</source>
        <translation>Could not read file {path}: {exc}</translation>
    </message>
    <message>
        <source>Tệp {path} không phải văn bản UTF-8 (byte sai ở vị trí {start}).</source>
        <translation>File {path} is not UTF-8 text (bad byte at position {start}).</translation>
    </message>
    <message>
        <source>bảng {target!r} không phải bảng dữ liệu đồng bộ.</source>
        <translation>table {target!r} is not a synced data table.</translation>
    </message>
    <message>
        <source>trỏ tới dòng không tồn tại: bảng “{wanted_table}”, mã {ref}.</source>
        <translation>points at a row that does not exist: table “{wanted_table}”, id {ref}.</translation>
    </message>
    <message>
        <source>vòng tham chiếu (dòng là cấp trên của chính nó).</source>
        <translation>a reference loop (the row is its own parent).</translation>
    </message>
    <message>
        <source>dòng không thể trỏ tới chính nó.</source>
        <translation>a row cannot point at itself.</translation>
    </message>
    <message>
        <source>thiếu trường bắt buộc (cơ sở dữ liệu chưa là văn phòng nào để điền thay).</source>
        <translation>a required field is missing (the database is not an office yet, so it cannot be filled in).</translation>
    </message>
    <message>
        <source>vi phạm ràng buộc của cơ sở dữ liệu ({orig}).</source>
        <translation>breaks a database constraint ({orig}).</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu chưa là văn phòng nào; không nạp được dữ liệu mẫu.</source>
        <translation>The database is not an office yet; the sample data cannot be loaded.</translation>
    </message>
    <message>
        <source>mã trùng giữa {first} và {second}.</source>
        <translation>the same id in {first} and {second}.</translation>
    </message>
    <message>
        <source>dữ liệu mẫu</source>
        <translation>sample data</translation>
    </message>
    <message>
        <source>Không xóa hẳn dữ liệu đồng bộ; hãy đánh dấu xóa (deleted = True) để xóa lan sang văn phòng khác.</source>
        <translation>Synced data is never deleted outright; mark it deleted (deleted = True) so the deletion reaches the other offices.</translation>
    </message>
    <message>
        <source>Không được đổi trường {name} của một dòng đồng bộ ({table} {id}).</source>
        <translation>Field {name} of a synced row cannot change ({table} {id}).</translation>
    </message>
    <message>
        <source>Văn phòng này không có quyền sửa dữ liệu “{area}” (mã {id}) do văn phòng “{owner}” quản lý.</source>
        <translation>This office may not change the “{area}” data (id {id}) managed by office “{owner}”.</translation>
    </message>
    <message>
        <source>Không mở được tệp cơ sở dữ liệu {path}: {exc}</source>
        <translation>Could not open database file {path}: {exc}</translation>
    </message>
    <message>
        <source>Tệp {path} không phải cơ sở dữ liệu PTDS hợp lệ ({exc}).</source>
        <translation>File {path} is not a valid PTDS database ({exc}).</translation>
    </message>
    <message>
        <source>mới hơn</source>
        <translation>newer</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu {path} do PTDS Desktop phiên bản {needed} tạo (lược đồ {revision}); phiên bản này ({version}) không đọc được. Hãy cập nhật ứng dụng lên phiên bản {needed}.</source>
        <translation>Database {path} was made by PTDS Desktop version {needed} (schema {revision}); this version ({version}) cannot read it. Update the application to version {needed}.</translation>
    </message>
    <message>
        <source>Không tìm thấy cơ sở dữ liệu {path}. Hãy chạy &apos;ptds init&apos; trước.</source>
        <translation>Database {path} not found. Run &apos;ptds init&apos; first.</translation>
    </message>
    <message>
        <source>Không kết nối được máy chủ cơ sở dữ liệu {url}: {reason}. Hãy kiểm tra địa chỉ, tên người dùng và mạng của cơ quan.</source>
        <translation>Could not connect to the database server {url}: {reason}. Check the address, the user name and the office network.</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu {path} chưa có dữ liệu PTDS. Hãy chạy &apos;ptds init&apos; trước.</source>
        <translation>The database {path} holds no PTDS data yet. Run &apos;ptds init&apos; first.</translation>
    </message>
    <message>
        <source>Không đọc được tệp {path}: {reason}.</source>
        <translation>Could not read file {path}: {reason}.</translation>
    </message>
    <message>
        <source>Tệp {name} không phải cơ sở dữ liệu SQLite (phần đầu tệp không đúng), hoặc là cơ sở dữ liệu đã mã hóa của nơi khác.</source>
        <translation>The file {name} is not an SQLite database (its header is wrong), or it is another office&apos;s encrypted database.</translation>
    </message>
    <message>
        <source>Tệp {name} không phải cơ sở dữ liệu SQLite, hoặc đã được mã hóa bằng mật khẩu khác với mật khẩu của cơ sở dữ liệu này.</source>
        <translation>The file {name} is not an SQLite database, or it was encrypted with a passphrase other than this database&apos;s.</translation>
    </message>
    <message>
        <source>Không mở được tệp {name}: {exc}.</source>
        <translation>Could not open file {name}: {exc}.</translation>
    </message>
    <message>
        <source>Tệp {name} là SQLite nhưng không phải cơ sở dữ liệu PTDS (không có bảng alembic_version).</source>
        <translation>File {name} is SQLite but not a PTDS database (it has no alembic_version table).</translation>
    </message>
    <message>
        <source>Tệp {name} chưa có phiên bản lược đồ (bảng alembic_version trống).</source>
        <translation>File {name} has no schema revision (the alembic_version table is empty).</translation>
    </message>
    <message>
        <source>Tệp {name} do phiên bản PTDS Desktop mới hơn tạo (lược đồ {revision}); hãy cập nhật ứng dụng trước khi khôi phục.</source>
        <translation>File {name} was made by a newer PTDS Desktop (schema {revision}); update the application before restoring.</translation>
    </message>
    <message>
        <source>Tệp {name} bị hỏng, kiểm tra toàn vẹn không đạt: {problems}.</source>
        <translation>File {name} is damaged; the integrity check failed: {problems}.</translation>
    </message>
    <message>
        <source>Tệp {name} không đọc được như cơ sở dữ liệu PTDS ({exc}).</source>
        <translation>File {name} cannot be read as a PTDS database ({exc}).</translation>
    </message>
    <message>
        <source>Không đọc được bản sao lưu {name}: {exc}.</source>
        <translation>Cannot read the backup {name}: {exc}.</translation>
    </message>
    <message>
        <source>Tệp đã chọn chính là cơ sở dữ liệu đang dùng.</source>
        <translation>The chosen file is the database in use.</translation>
    </message>
    <message>
        <source>Tệp {name} là dữ liệu của văn phòng “{office}”, không phải của văn phòng này (“{own_office}”).</source>
        <translation>File {name} holds the data of office “{office}”, not of this office (“{own_office}”).</translation>
    </message>
    <message>
        <source>Tệp {name} không phải bản sao lưu của cơ sở dữ liệu trên máy chủ (pg_dump). Để đưa một tệp SQLite lên máy chủ, dùng &apos;ptds db copy&apos;.</source>
        <translation>The file {name} is not a backup of a server database (pg_dump). To move a SQLite file to the server, use &apos;ptds db copy&apos;.</translation>
    </message>
    <message>
        <source>Không khôi phục được từ {name}: {exc}. Cơ sở dữ liệu hiện tại không đổi.</source>
        <translation>Could not restore from {name}: {exc}. The current database is unchanged.</translation>
    </message>
    <message>
        <source>Phiên làm việc không gắn với cơ sở dữ liệu nào.</source>
        <translation>The session is not bound to any database.</translation>
    </message>
    <message>
        <source>Chưa khởi tạo văn phòng cho cơ sở dữ liệu này. Hãy chạy &apos;ptds init&apos;.</source>
        <translation>No office has been set up for this database. Run &apos;ptds init&apos;.</translation>
    </message>
    <message>
        <source>Không ghi được vào cơ sở dữ liệu {path}: tệp hoặc thư mục chứa nó chỉ cho đọc (ổ đĩa hoặc thẻ nhớ khóa ghi, hoặc tài khoản này không có quyền ghi). Hãy chép tệp sang một thư mục ghi được (ví dụ Tài liệu) rồi mở lại.</source>
        <translation>Cannot write to database {path}: the file or its folder is read-only (a write-protected disk or memory card, or this account may not write there). Copy the file to a folder you can write to (for example Documents) and open it again.</translation>
    </message>
    <message>
        <source>Ổ đĩa chứa cơ sở dữ liệu {path} đã đầy, không ghi thêm được. Thao tác vừa rồi không được lưu; dữ liệu đã lưu trước đó vẫn nguyên vẹn. Hãy giải phóng dung lượng ổ đĩa rồi thử lại.</source>
        <translation>The disk holding database {path} is full. The last action was not saved; the data saved before is intact. Free some disk space and try again.</translation>
    </message>
    <message>
        <source>Cấp không hợp lệ: {level!r} (chọn: {choices}).</source>
        <translation>Invalid level: {level!r} (choose: {choices}).</translation>
    </message>
    <message>
        <source>Không xóa được “{name}”: Ban đã có thành viên (lịch sử phải được giữ).</source>
        <translation>Cannot delete “{name}”: the board has members (its history must be kept).</translation>
    </message>
    <message>
        <source>Chưa có Ban Chỉ huy nào. Hãy tạo Ban Chỉ huy (hoặc chạy &apos;ptds demo&apos;).</source>
        <translation>There is no command board yet. Create one (or run &apos;ptds demo&apos;).</translation>
    </message>
    <message>
        <source>Không tìm thấy Ban Chỉ huy “{ref}”.</source>
        <translation>No command board “{ref}”.</translation>
    </message>
    <message>
        <source>“{ref}” khớp nhiều Ban Chỉ huy: {names}.</source>
        <translation>“{ref}” matches several command boards: {names}.</translation>
    </message>
    <message>
        <source>Có nhiều Ban Chỉ huy; hãy chọn một (--board MÃ): {names}.</source>
        <translation>There are several command boards; choose one (--board ID): {names}.</translation>
    </message>
    <message>
        <source>Số, ký hiệu không đúng dạng “số/loại-cơ quan” (ví dụ 01620/QĐ-UBND): “{text}”.</source>
        <translation>The number and symbol are not in the form “number/type-issuer” (for example 01620/QĐ-UBND): “{text}”.</translation>
    </message>
    <message>
        <source>Loại quyết định không hợp lệ: {kind!r}.</source>
        <translation>Invalid decision type: {kind!r}.</translation>
    </message>
    <message>
        <source>Đã có Quyết định số {number} ngày {date} của Ban này.</source>
        <translation>This board already has Decision No. {number} of {date}.</translation>
    </message>
    <message>
        <source>Quyết định số {number} không thuộc Ban Chỉ huy nào.</source>
        <translation>Decision No. {number} belongs to no command board.</translation>
    </message>
    <message>
        <source>Ngày mới {date} làm thời gian làm thành viên của {member} kết thúc trước khi bắt đầu.</source>
        <translation>The new date {date} would end the membership of {member} before it starts.</translation>
    </message>
    <message>
        <source>Không tìm thấy thành viên có mã {id}.</source>
        <translation>No member with id {id}.</translation>
    </message>
    <message>
        <source>Chức danh không hợp lệ: {role!r}.</source>
        <translation>Invalid role: {role!r}.</translation>
    </message>
    <message>
        <source>Ngày hiệu lực {effective} không thể trước ngày ký {signed}.</source>
        <translation>The effective date {effective} cannot be before the signing date {signed}.</translation>
    </message>
    <message>
        <source>Quyết định phải kết thúc hoặc bổ sung ít nhất một thành viên.</source>
        <translation>A decision must end or add at least one member.</translation>
    </message>
    <message>
        <source>Không tìm thấy thành viên có mã {id} trong {board}.</source>
        <translation>No member with id {id} in {board}.</translation>
    </message>
    <message>
        <source>{member} đã thôi làm thành viên từ ngày {date}.</source>
        <translation>{member} already left the board on {date}.</translation>
    </message>
    <message>
        <source>{member} là thành viên từ ngày {start}; không thể kết thúc từ ngày {end}.</source>
        <translation>{member} has been a member since {start}; the membership cannot end on {end}.</translation>
    </message>
    <message>
        <source>Chức danh trong Ban không hợp lệ: {role!r} (chọn: {choices}).</source>
        <translation>Invalid board role: {role!r} (choose: {choices}).</translation>
    </message>
    <message>
        <source>Chọn người đã có hoặc nhập người mới, không cả hai.</source>
        <translation>Choose an existing person or enter a new one, not both.</translation>
    </message>
    <message>
        <source>Chọn cơ quan đã có hoặc nhập cơ quan mới, không cả hai.</source>
        <translation>Choose an existing organization or enter a new one, not both.</translation>
    </message>
    <message>
        <source>Cần chọn người, hoặc ghi chức vụ, đơn vị của thành viên (ví dụ “Giám đốc Sở Y tế”).</source>
        <translation>Choose a person, or write the member&apos;s position and organization (for example “Director of the Department of Health”).</translation>
    </message>
    <message>
        <source>Thứ tự phải là số không âm.</source>
        <translation>The order must be a number of zero or more.</translation>
    </message>
    <message>
        <source>Ban Chỉ huy phải có đúng một Trưởng ban; ngày {date} không có Trưởng ban.</source>
        <translation>A command board must have exactly one head; on {date} it has no head.</translation>
    </message>
    <message>
        <source>Ban Chỉ huy chỉ có một Trưởng ban; ngày {date} có {count}: {names}.</source>
        <translation>A command board has only one head; on {date} it has {count}: {names}.</translation>
    </message>
    <message>
        <source>Chỉ được có một Phó Trưởng ban thường trực; ngày {date} có {count}: {names}.</source>
        <translation>There may be only one standing deputy head; on {date} there are {count}: {names}.</translation>
    </message>
    <message>
        <source>{member} đã là thành viên Ban ({role}) từ ngày {start}; ngày {date} không thể giữ thêm chức danh {new_role}. Hãy kết thúc tư cách cũ trong cùng quyết định.</source>
        <translation>{member} has been a board member ({role}) since {start}; on {date} they cannot also hold the role {new_role}. End the old membership in the same decision.</translation>
    </message>
    <message>
        <source>Thành viên {id} không thuộc danh sách Ban ngày {date}.</source>
        <translation>Member {id} is not on the board on {date}.</translation>
    </message>
    <message>
        <source>Thành viên này không có trong danh sách Ban vào ngày đang xem.</source>
        <translation>This member is not on the board on the date shown.</translation>
    </message>
    <message>
        <source>Số, ký hiệu thiếu dấu “/”: “{text}”.</source>
        <translation>The number and symbol lack the “/”: “{text}”.</translation>
    </message>
    <message>
        <source>Ký hiệu không đúng dạng “loại-cơ quan”: “{symbol}”.</source>
        <translation>The symbol is not in the form “type-issuer”: “{symbol}”.</translation>
    </message>
    <message>
        <source>“{title}” không có bảng nào để xuất ra Excel.</source>
        <translation>“{title}” has no table to export to Excel.</translation>
    </message>
    <message>
        <source>Không ghi được {target}: {reason}</source>
        <translation>Could not write {target}: {reason}</translation>
    </message>
    <message>
        <source>Không rõ định dạng của {name}: hãy chọn pdf, docx hoặc xlsx.</source>
        <translation>Unknown format of {name}: choose pdf, docx or xlsx.</translation>
    </message>
    <message>
        <source>Đã hủy xuất văn bản; không tệp nào được ghi.</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <source>Không tìm thấy dòng tiêu đề cột trong {rows} dòng đầu của trang “{title}”: cần cột “Nội dung” và ít nhất một cột khác (“TT”, “Cơ quan chủ trì”, “Cơ quan phối hợp”, “Thời gian thực hiện”…).</source>
        <translation>No column header row in the first {rows} rows of sheet “{title}”: a “Nội dung” (content) column and at least one other (“TT”, “Cơ quan chủ trì”, “Cơ quan phối hợp”, “Thời gian thực hiện”…) are needed.</translation>
    </message>
    <message>
        <source>Không đọc được {name}: không phải bảng tính Excel (.xlsx) hợp lệ ({exc}).</source>
        <translation>Could not read {name}: not a valid Excel workbook (.xlsx) ({exc}).</translation>
    </message>
    <message>
        <source>Không nhập: {count} dòng chưa hiểu được trong trang “{sheet}”. Sửa các dòng sau rồi nhập lại (chưa có gì được ghi):
{listed}{more}</source>
        <translation>Not imported: {count} rows of sheet “{sheet}” were not understood. Correct these rows and import again (nothing was written):
{listed}{more}</translation>
    </message>
    <message>
        <source>Trang “{sheet}” không có nhiệm vụ nào dưới dòng tiêu đề {header_row}.</source>
        <translation>Sheet “{sheet}” has no tasks below header row {header_row}.</translation>
    </message>
    <message>
        <source>Không đọc được tệp {source}: {reason}.</source>
        <translation>Could not read file {source}: {reason}.</translation>
    </message>
    <message>
        <source>Giấy mời theo “{per}” không có; chọn invitee (từng đại biểu) hoặc organization (từng cơ quan).</source>
        <translation>There are no invitations by “{per}”; choose invitee (one per invitee) or organization (one per organization).</translation>
    </message>
    <message>
        <source>Hội nghị chưa có đại biểu nào; hãy thêm đại biểu trước khi in giấy mời.</source>
        <translation>The conference has no invitees yet; add invitees before printing invitations.</translation>
    </message>
    <message>
        <source>Không có văn bản “{what}”; chọn một trong: {choices}.</source>
        <translation>There is no document “{what}”; choose one of: {choices}.</translation>
    </message>
    <message>
        <source>Nhóm “{name}” còn {count} đại biểu; hãy chuyển hoặc xóa họ trước.</source>
        <translation>Group “{name}” still has {count} invitees; move or delete them first.</translation>
    </message>
    <message>
        <source>Điểm cầu không thuộc hội nghị này.</source>
        <translation>The site does not belong to this conference.</translation>
    </message>
    <message>
        <source>Hình thức mời không hợp lệ: {mode!r} (kính mời hoặc triệu tập).</source>
        <translation>Invalid way of inviting: {mode!r} (invited or summoned).</translation>
    </message>
    <message>
        <source>Nhóm thành phần không thuộc hội nghị này.</source>
        <translation>The participant group does not belong to this conference.</translation>
    </message>
    <message>
        <source>Đại biểu này đã có trong danh sách của điểm cầu đã chọn.</source>
        <translation>This invitee is already on the list of the chosen site.</translation>
    </message>
    <message>
        <source>Trạng thái trả lời không hợp lệ: {status!r}; dùng một trong {choices}.</source>
        <translation>Invalid reply: {status!r}; use one of {choices}.</translation>
    </message>
    <message>
        <source>Chưa có Ban Chỉ huy cấp xã nào trong danh mục.</source>
        <translation>There is no commune command board in the catalogue yet.</translation>
    </message>
    <message>
        <source>Số phút phải lớn hơn 0 (đang là {value}).</source>
        <translation>The minutes must be more than 0 (now {value}).</translation>
    </message>
    <message>
        <source>Tham luận cần cơ quan trình bày hoặc chủ đề.</source>
        <translation>A presentation needs a presenting organization or a topic.</translation>
    </message>
    <message>
        <source>Nhiệm vụ chuẩn bị cần cơ quan thực hiện.</source>
        <translation>A preparation duty needs an organization to do it.</translation>
    </message>
    <message>
        <source>Nội dung nhiệm vụ chuẩn bị không được để trống.</source>
        <translation>The content of a preparation duty must not be empty.</translation>
    </message>
    <message>
        <source>Số ngày trước hội nghị không được âm (đang là {days_before}).</source>
        <translation>The days before the conference must not be negative (now {days_before}).</translation>
    </message>
    <message>
        <source>Loại việc không hợp lệ: {kind!r}.</source>
        <translation>Invalid kind of item: {kind!r}.</translation>
    </message>
    <message>
        <source>Hội nghị gốc chưa có ngày giờ nên không dời ngày được; hãy nhập ngày cho nó trước.</source>
        <translation>The original conference has no date and time, so the dates cannot be shifted; give it a date first.</translation>
    </message>
    <message>
        <source>Loại điểm cầu không hợp lệ: {kind!r}.</source>
        <translation>Invalid kind of site: {kind!r}.</translation>
    </message>
    <message>
        <source>Hội nghị đã có điểm cầu chính; hãy chọn loại “Điểm cầu”.</source>
        <translation>The conference already has a main site; choose the kind “Bridge site”.</translation>
    </message>
    <message>
        <source>Điểm cầu chính đã là “{name}”.</source>
        <translation>The main site is already “{name}”.</translation>
    </message>
    <message>
        <source>Điểm cầu “{name}” còn {used} đại biểu; hãy chuyển hoặc xóa họ trước.</source>
        <translation>Site “{name}” still has {used} invitees; move or delete them first.</translation>
    </message>
    <message>
        <source>Giờ không đúng dạng giờ:phút (ví dụ 14:00): {raw!r}.</source>
        <translation>The time is not hours:minutes (for example 14:00): {raw!r}.</translation>
    </message>
    <message>
        <source>Thời lượng phải lớn hơn 0 phút (đang là {duration_minutes}).</source>
        <translation>The duration must be more than 0 minutes (now {duration_minutes}).</translation>
    </message>
    <message>
        <source>Hình thức tổ chức không hợp lệ: {format!r}.</source>
        <translation>Invalid format: {format!r}.</translation>
    </message>
    <message>
        <source>Thiếu mã hội nghị (--id).</source>
        <translation>The conference id is missing (--id).</translation>
    </message>
    <message>
        <source>Không tìm thấy hội nghị có mã {ref}. Xem mã bằng &apos;ptds conference list&apos;.</source>
        <translation>No conference with id {ref}. See the ids with &apos;ptds conference list&apos;.</translation>
    </message>
    <message>
        <source>Mã {ref} khớp {count} hội nghị; hãy gõ thêm ký tự của mã.</source>
        <translation>Id {ref} matches {count} conferences; type more characters of the id.</translation>
    </message>
    <message>
        <source>Khối chữ ký cần họ tên người ký.</source>
        <translation>A signature block needs the signer&apos;s full name.</translation>
    </message>
    <message>
        <source>Loại văn bản không hợp lệ: {kind!r} (chọn: {choices}).</source>
        <translation>Invalid kind of document: {kind!r} (choose: {choices}).</translation>
    </message>
    <message>
        <source>Ký hiệu văn bản không đúng dạng “loại-cơ quan” (ví dụ QĐ-UBND): “{symbol}”.</source>
        <translation>The document symbol is not in the form “type-issuer” (for example QĐ-UBND): “{symbol}”.</translation>
    </message>
    <message>
        <source>Cột cơ quan không hợp lệ: {role!r} (chọn: {choices}).</source>
        <translation>Invalid agency column: {role!r} (choose: {choices}).</translation>
    </message>
    <message>
        <source>Số, ký hiệu dài quá 50 ký tự ({count}).</source>
        <translation>The number and symbol are longer than 50 characters ({count}).</translation>
    </message>
    <message>
        <source>Nhóm “{code}. {title}” còn {count} nhiệm vụ; chuyển hoặc xóa chúng trước.</source>
        <translation>Group “{code}. {title}” still has {count} tasks; move or delete them first.</translation>
    </message>
    <message>
        <source>Giai đoạn {phase} không có trong kế hoạch (kế hoạch có {count} giai đoạn).</source>
        <translation>Phase {phase} is not in the plan (the plan has {count} phases).</translation>
    </message>
    <message>
        <source>Nhóm nhiệm vụ thuộc kế hoạch khác.</source>
        <translation>The task group belongs to another plan.</translation>
    </message>
    <message>
        <source>Số thứ tự dài quá 20 ký tự ({count}).</source>
        <translation>The number is longer than 20 characters ({count}).</translation>
    </message>
    <message>
        <source>Thời gian thực hiện dài quá 200 ký tự ({count}).</source>
        <translation>The timeframe is longer than 200 characters ({count}).</translation>
    </message>
    <message>
        <source>Vai trò cơ quan không hợp lệ: {role!r}.</source>
        <translation>Invalid agency role: {role!r}.</translation>
    </message>
    <message>
        <source>Vị trí {position} nằm ngoài nhóm (có {count} nhiệm vụ).</source>
        <translation>Position {position} is outside the group (it has {count} tasks).</translation>
    </message>
    <message>
        <source>Tình trạng không hợp lệ: {status!r}. Chọn: {labels}.</source>
        <translation>Invalid status: {status!r}. Choose: {labels}.</translation>
    </message>
    <message>
        <source>Tỷ lệ hoàn thành phải từ 0 đến 100 (đã nhập {percent}).</source>
        <translation>The percentage done must be from 0 to 100 (entered {percent}).</translation>
    </message>
    <message>
        <source>Đã hoàn thành thì tỷ lệ là 100%, không phải {percent}%.</source>
        <translation>Done means 100%, not {percent}%.</translation>
    </message>
    <message>
        <source>Chưa thực hiện thì tỷ lệ là 0%, không phải {percent}%.</source>
        <translation>Not started means 0%, not {percent}%.</translation>
    </message>
    <message>
        <source>Không đọc được tệp đính kèm {path}: không có tệp này.</source>
        <translation>Could not read the attachment {path}: there is no such file.</translation>
    </message>
    <message>
        <source>Ngày báo cáo {date} ở tương lai.</source>
        <translation>The report date {date} is in the future.</translation>
    </message>
    <message>
        <source>Nhiệm vụ “{code} {content}” không giao cho văn phòng này; chỉ văn phòng được giao mới báo cáo tiến độ.</source>
        <translation>Task “{code} {content}” is not assigned to this office; only an assigned office reports progress.</translation>
    </message>
    <message>
        <source>Báo cáo này của “{office}”; chỉ văn phòng đó được sửa.</source>
        <translation>This report belongs to “{office}”; only that office may change it.</translation>
    </message>
    <message>
        <source>Quyết định này không thuộc Ban Chỉ huy đã chọn.</source>
        <translation>This decision does not belong to the chosen command board.</translation>
    </message>
    <message>
        <source>Không rõ văn bản “{what}” (chọn: {choices}).</source>
        <translation>Unknown document “{what}” (choose: {choices}).</translation>
    </message>
    <message>
        <source>Mật khẩu không đúng: không giải mã được cơ sở dữ liệu {path}. Hãy nhập lại (chú ý chữ hoa, chữ thường và bộ gõ tiếng Việt).</source>
        <translation>Wrong passphrase: the database {path} could not be decrypted. Please type it again (mind upper and lower case and the Vietnamese keyboard).</translation>
    </message>
    <message>
        <source>Không ghi được gói {target}: {problem}. Kiểm tra chỗ trống và quyền ghi trên ổ đĩa.</source>
        <translation>Could not write bundle {target}: {problem}. Check the free space and write permission on the drive.</translation>
    </message>
    <message>
        <source>Gói {target} đọc lại không khớp chữ ký: ổ đĩa ghi sai. Hãy thử ổ khác.</source>
        <translation>Bundle {target} read back does not match its signature: the drive wrote it wrongly. Try another drive.</translation>
    </message>
    <message>
        <source>Gói {name} bị hỏng: {what}. Không có gì được áp dụng; hãy xin gửi lại gói.</source>
        <translation>Bundle {name} is damaged: {what}. Nothing was applied; ask for the bundle to be sent again.</translation>
    </message>
    <message>
        <source>không còn thấy tệp (đã bị xóa, đổi tên hoặc USB đã rút)</source>
        <translation>the file is gone (deleted, renamed, or the USB stick was removed)</translation>
    </message>
    <message>
        <source>tài khoản này không có quyền đọc tệp</source>
        <translation>this account has no permission to read the file</translation>
    </message>
    <message>
        <source>ổ đĩa đã đầy</source>
        <translation>the drive is full</translation>
    </message>
    <message>
        <source>ổ đĩa chỉ cho đọc</source>
        <translation>the drive is read-only</translation>
    </message>
    <message>
        <source>đây là thư mục, không phải tệp</source>
        <translation>this is a folder, not a file</translation>
    </message>
    <message>
        <source>ổ đĩa báo lỗi khi đọc hoặc ghi (USB lỏng, hỏng hoặc bị rút giữa chừng)</source>
        <translation>the drive reported an error while reading or writing (USB stick loose, faulty or removed midway)</translation>
    </message>
    <message>
        <source>dữ liệu thành phần {name} không khớp mã kiểm tra CRC (tệp bị hỏng khi chép)</source>
        <translation>the data of member {name} does not match its CRC checksum (the file was damaged while copying)</translation>
    </message>
    <message>
        <source>dữ liệu nén của thành phần {name} bị hỏng, không giải nén được</source>
        <translation>the compressed data of member {name} is damaged and cannot be unpacked</translation>
    </message>
    <message>
        <source>thành phần {name} dùng kiểu nén mà PTDS không dùng</source>
        <translation>member {name} uses a compression method PTDS does not use</translation>
    </message>
    <message>
        <source>thành phần {name} bị đặt mật khẩu</source>
        <translation>member {name} is password-protected</translation>
    </message>
    <message>
        <source>không đọc được thành phần {name}: {problem}</source>
        <translation>could not read member {name}: {problem}</translation>
    </message>
    <message>
        <source>cấu trúc ZIP quanh thành phần {name} bị hỏng</source>
        <translation>the ZIP structure around member {name} is damaged</translation>
    </message>
    <message>
        <source>thành phần {name} dài hơn khai báo</source>
        <translation>member {name} is longer than declared</translation>
    </message>
    <message>
        <source>{too_big} (ở thành phần {name})</source>
        <translation>{too_big} (in member {name})</translation>
    </message>
    <message>
        <source>Tệp {name} nặng {size}, quá giới hạn {limit} của một gói đồng bộ: đây không phải gói PTDS hoặc đã bị hỏng. Không có gì được áp dụng.</source>
        <translation>File {name} is {size}, over the {limit} limit of a sync bundle: it is not a PTDS bundle or it is damaged. Nothing was applied.</translation>
    </message>
    <message>
        <source>không phải tệp ZIP hoặc bị cắt cụt</source>
        <translation>not a ZIP file, or truncated</translation>
    </message>
    <message>
        <source>Không đọc được gói {path}: {problem}.</source>
        <translation>Could not read bundle {path}: {problem}.</translation>
    </message>
    <message>
        <source>{name} quá lớn (hơn {limit})</source>
        <translation>{name} is too large (over {limit})</translation>
    </message>
    <message>
        <source>{name} không phải văn bản UTF-8 (byte lạ ở vị trí {position})</source>
        <translation>{name} is not UTF-8 text (unexpected byte at position {position})</translation>
    </message>
    <message>
        <source>{name} không phải JSON hợp lệ (dòng {line}, cột {column})</source>
        <translation>{name} is not valid JSON (line {line}, column {column})</translation>
    </message>
    <message>
        <source>{name} không phải JSON hợp lệ</source>
        <translation>{name} is not valid JSON</translation>
    </message>
    <message>
        <source>thiếu manifest.json hoặc chữ ký</source>
        <translation>manifest.json or the signature is missing</translation>
    </message>
    <message>
        <source>manifest.json có quá nhiều mục ({values}, giới hạn {limit})</source>
        <translation>manifest.json has too many entries ({values}, limit {limit})</translation>
    </message>
    <message>
        <source>manifest.json lồng nhau quá sâu</source>
        <translation>manifest.json is nested too deeply</translation>
    </message>
    <message>
        <source>manifest.json không phải của gói đồng bộ PTDS</source>
        <translation>manifest.json is not that of a PTDS sync bundle</translation>
    </message>
    <message>
        <source>manifest.json: mục “segments” phải là một danh sách</source>
        <translation>manifest.json: entry “segments” must be a list</translation>
    </message>
    <message>
        <source>manifest.json: đoạn thứ {number} trong “segments” không phải một đối tượng</source>
        <translation>manifest.json: segment {number} in “segments” is not an object</translation>
    </message>
    <message>
        <source>manifest.json: đoạn thứ {number} thiếu mục “{key}”</source>
        <translation>manifest.json: segment {number} lacks entry “{key}”</translation>
    </message>
    <message>
        <source>manifest.json: đoạn thứ {number} có số thứ tự hoặc danh sách đính kèm sai kiểu</source>
        <translation>manifest.json: segment {number} has sequence numbers or an attachment list of the wrong type</translation>
    </message>
    <message>
        <source>quá nhiều thành phần ({count})</source>
        <translation>too many members ({count})</translation>
    </message>
    <message>
        <source>thành phần không hợp lệ “{name}” (tên lạ hoặc đường dẫn ra ngoài)</source>
        <translation>invalid member “{name}” (strange name or a path leading outside)</translation>
    </message>
    <message>
        <source>tổng dung lượng giải nén vượt giới hạn</source>
        <translation>the total unpacked size exceeds the limit</translation>
    </message>
    <message>
        <source>thành phần {name} nén bất thường (nghi “bom nén”)</source>
        <translation>member {name} is abnormally compressed (suspected “zip bomb”)</translation>
    </message>
    <message>
        <source>manifest.json: mục “members” phải là một bảng tên → mã băm</source>
        <translation>manifest.json: entry “members” must be a table of name → hash</translation>
    </message>
    <message>
        <source>danh sách thành phần không khớp manifest</source>
        <translation>the list of members does not match the manifest</translation>
    </message>
    <message>
        <source>{what} vượt giới hạn {limit}</source>
        <translation>{what} exceeds the {limit} limit</translation>
    </message>
    <message>
        <source>thành phần {name} sai mã băm</source>
        <translation>member {name} has the wrong hash</translation>
    </message>
    <message>
        <source>thiếu thành phần {name}</source>
        <translation>member {name} is missing</translation>
    </message>
    <message>
        <source>tổng dung lượng các đoạn thay đổi</source>
        <translation>the total size of the change segments</translation>
    </message>
    <message>
        <source>tệp đính kèm</source>
        <translation>an attachment</translation>
    </message>
    <message>
        <source>có thành phần không được manifest mô tả</source>
        <translation>some members are not described by the manifest</translation>
    </message>
    <message>
        <source>Không chép được tệp đính kèm {sha}… vào {folder}: {problem}.</source>
        <translation>Could not copy attachment {sha}… to {folder}: {problem}.</translation>
    </message>
    <message>
        <source>Đoạn thay đổi giữ lại</source>
        <translation>Held change segment</translation>
    </message>
    <message>
        <source>Văn phòng: {name} ({level})</source>
        <translation>Office: {name} ({level})</translation>
    </message>
    <message>
        <source>Mã: {office_id}</source>
        <translation>ID: {office_id}</translation>
    </message>
    <message>
        <source>Dấu vân tay khóa: {fingerprint}</source>
        <translation>Key fingerprint: {fingerprint}</translation>
    </message>
    <message>
        <source>Tệp khóa riêng: {path}</source>
        <translation>Private key file: {path}</translation>
    </message>
    <message>
        <source>Văn phòng: {name} — dấu vân tay {fingerprint}</source>
        <translation>Office: {name} — fingerprint {fingerprint}</translation>
    </message>
    <message>
        <source>Thay đổi của văn phòng này: {own} (chưa đóng gói: {unsent})</source>
        <translation>Changes by this office: {own} (not yet bundled: {unsent})</translation>
    </message>
    <message>
        <source>Xung đột: {conflicts}; đang chờ dòng cha: {pending}; bị từ chối: {rejections}</source>
        <translation>Conflicts: {conflicts}; waiting for a parent record: {pending}; refused: {rejections}</translation>
    </message>
    <message>
        <source>Lưu ý: {notice}</source>
        <translation>Note: {notice}</translation>
    </message>
    <message>
        <source>chưa</source>
        <translation>never</translation>
    </message>
    <message>
        <source>“{office}” chưa nhận {count} thay đổi, cũ nhất từ {since} (trao đổi lần cuối: {last}).</source>
        <translation>“{office}” has not received {count} changes, the oldest from {since} (last exchange: {last}).</translation>
    </message>
    <message>
        <source>Cảnh báo: {message}</source>
        <translation>Warning: {message}</translation>
    </message>
    <message>
        <source>Giữ lại {count} thay đổi của “{office}” ghi lúc tới {newest}, hơn một ngày sau giờ máy này: đồng hồ của văn phòng đó sai. Chúng sẽ được áp dụng khi giờ máy này tới thời điểm đó.</source>
        <translation>Holding {count} changes from “{office}” stamped up to {newest}, more than a day after this computer&apos;s time: that office&apos;s clock is wrong. They will be applied when this computer&apos;s time reaches that moment.</translation>
    </message>
    <message>
        <source>Đã đưa đồng hồ đồng bộ từ {before} về {after}.</source>
        <translation>Moved the sync clock back from {before} to {after}.</translation>
    </message>
    <message>
        <source>Đồng hồ đồng bộ ({before}) không chạy trước giờ máy: không cần đưa về.</source>
        <translation>The sync clock ({before}) is not ahead of the computer&apos;s time: nothing to move back.</translation>
    </message>
    <message>
        <source>Đồng hồ đồng bộ khớp với giờ máy.</source>
        <translation>The sync clock agrees with the computer&apos;s time.</translation>
    </message>
    <message>
        <source>Đã đăng ký “{name}” (mã {office_id}) và ghi tệp {path}, kèm danh mục {organizations} cơ quan, đơn vị</source>
        <translation>Enrolled “{name}” (ID {office_id}) and wrote file {path}, with the list of {organizations} agencies and units</translation>
    </message>
    <message>
        <source>Dấu vân tay khóa của văn phòng này (để văn phòng mới đối chiếu): {fingerprint}</source>
        <translation>This office&apos;s key fingerprint (for the new office to check): {fingerprint}</translation>
    </message>
    <message>
        <source>cấp trên</source>
        <translation>parent</translation>
    </message>
    <message>
        <source>cấp dưới</source>
        <translation>child</translation>
    </message>
    <message>
        <source>khác</source>
        <translation>other</translation>
    </message>
    <message>
        <source>(chưa có)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <source>Chưa có văn phòng nào để gửi.</source>
        <translation>No office to send to yet.</translation>
    </message>
    <message>
        <source>toàn bộ</source>
        <translation>everything</translation>
    </message>
    <message>
        <source>phần chưa gửi</source>
        <translation>unsent part</translation>
    </message>
    <message>
        <source>Đã xuất gói cho “{office}” ({kind}): {changes} thay đổi, {attachments} tệp đính kèm → {path}</source>
        <translation>Exported a bundle for “{office}” ({kind}): {changes} changes, {attachments} attachments → {path}</translation>
    </message>
    <message>
        <source>Từ chối: “{office}” sửa {area} “{record}” (trường {field}): {reason}</source>
        <translation>Refused: “{office}” changing {area} “{record}” (field {field}): {reason}</translation>
    </message>
    <message>
        <source>{count} thay đổi chờ dòng liên quan chưa đến; sẽ tự áp dụng khi có.</source>
        <translation>{count} changes wait for related records not yet received; they will be applied when those arrive.</translation>
    </message>
    <message>
        <source>Bỏ qua: {reason}</source>
        <translation>Skipped: {reason}</translation>
    </message>
    <message>
        <source>“{office}” từ chối {count} thay đổi của văn phòng này (xem &apos;ptds sync rejected&apos;).</source>
        <translation>“{office}” refused {count} changes by this office (see &apos;ptds sync rejected&apos;).</translation>
    </message>
    <message>
        <source>Giữ lại {count} đoạn thay đổi chờ xác nhận khóa.</source>
        <translation>Holding {count} change segments until a key is confirmed.</translation>
    </message>
    <message>
        <source>Bản sao lưu trước khi nhập: {path}</source>
        <translation>Backup taken before the import: {path}</translation>
    </message>
    <message>
        <source>Tin cậy “{office}” với dấu vân tay {fingerprint}? (c/k) </source>
        <translation>Trust “{office}” with fingerprint {fingerprint}? (y/n) </translation>
    </message>
    <message>
        <source>Đã xuất gói cho “{office}”: {changes} thay đổi → {path}</source>
        <translation>Exported a bundle for “{office}”: {changes} changes → {path}</translation>
    </message>
    <message>
        <source>Không có gói nào gửi văn phòng này trong {folder}.</source>
        <translation>No bundle addressed to this office in {folder}.</translation>
    </message>
    <message>
        <source>--interval phải từ 1 giây trở lên.</source>
        <translation>--interval must be 1 second or more.</translation>
    </message>
    <message>
        <source>Đang theo dõi thư mục {folder}, {seconds} giây một lần. Nhấn Ctrl+C để dừng.</source>
        <translation>Watching folder {folder} every {seconds} seconds. Press Ctrl+C to stop.</translation>
    </message>
    <message>
        <source>Đã dừng theo dõi thư mục.</source>
        <translation>Stopped watching the folder.</translation>
    </message>
    <message>
        <source>Đã khôi phục</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>Đã bỏ xóa dòng và giữ sửa đổi</source>
        <translation>Undeleted the record and kept the change</translation>
    </message>
    <message>
        <source>Đã giữ giá trị hiện tại</source>
        <translation>Kept the current value</translation>
    </message>
    <message>
        <source>{done}: {area}, trường {field} (mã {row_id}). Quyết định này sẽ đồng bộ sang văn phòng khác.</source>
        <translation>{done}: {area}, field {field} (ID {row_id}). This decision will sync to the other offices.</translation>
    </message>
    <message>
        <source>sửa đồng thời</source>
        <translation>concurrent edit</translation>
    </message>
    <message>
        <source>sửa khi bị xóa</source>
        <translation>edited while deleted</translation>
    </message>
    <message>
        <source>trùng mã khi tạo</source>
        <translation>same ID on creation</translation>
    </message>
    <message>
        <source>Không có thay đổi nào bị từ chối.</source>
        <translation>No refused changes.</translation>
    </message>
    <message>
        <source>Đã xác nhận khóa {fingerprint} của “{office}”; các khóa khác bị từ chối, các thay đổi giữ lại đã được áp dụng.</source>
        <translation>Confirmed key {fingerprint} of “{office}”; the other keys are refused and the held changes have been applied.</translation>
    </message>
    <message>
        <source>Đã xác nhận khóa {fingerprint}.</source>
        <translation>Confirmed key {fingerprint}.</translation>
    </message>
    <message>
        <source>Không có xung đột khóa.</source>
        <translation>No key conflicts.</translation>
    </message>
    <message>
        <source>Đồng hồ đồng bộ của máy này đã chạy tới giới hạn, không ghi thêm được sửa đổi. Hãy chỉnh lại ngày giờ của máy rồi chạy &apos;ptds sync clock --reset&apos;.</source>
        <translation>This computer&apos;s sync clock has reached its limit; no more changes can be recorded. Correct the computer&apos;s date and time, then run &apos;ptds sync clock --reset&apos;.</translation>
    </message>
    <message>
        <source>đây là một bản sao lưu được mở lại (khôi phục)</source>
        <translation>this is a backup opened again (restored)</translation>
    </message>
    <message>
        <source>tệp được chép từ máy khác (“{host}”)</source>
        <translation>the file was copied from another computer (“{host}”)</translation>
    </message>
    <message>
        <source>tệp được chép từ chỗ khác ({path})</source>
        <translation>the file was copied from another place ({path})</translation>
    </message>
    <message>
        <source>thiếu hoặc sai tệp nhận dạng đặt cạnh cơ sở dữ liệu</source>
        <translation>the identity file beside the database is missing or wrong</translation>
    </message>
    <message>
        <source>tệp cũ hơn lần mở gần nhất trên máy này (chép đè hoặc khôi phục ảnh đĩa)</source>
        <translation>the file is older than when it was last opened on this computer (copied over or restored from a disk image)</translation>
    </message>
    <message>
        <source>Ngày {when}: cơ sở dữ liệu này là bản sao ({reason}). Văn phòng đã chuyển sang dãy số thay đổi mới để không trùng với bản gốc; các văn phòng khác sẽ gửi lại những thay đổi bản sao này chưa có. Nếu bản gốc vẫn đang được dùng ở máy khác, chỉ nên dùng một máy.</source>
        <translation>On {when}: this database is a copy ({reason}). The office has moved to a new series of change numbers so as not to clash with the original; the other offices will send again the changes this copy lacks. If the original is still in use on another computer, use only one of them.</translation>
    </message>
    <message>
        <source>Không tìm thấy xung đột số {number} (có thể đã được xử lý ở văn phòng khác).</source>
        <translation>Conflict number {number} not found (it may have been resolved at another office).</translation>
    </message>
    <message>
        <source>Có {count} xung đột cùng số {number}; hãy xử lý chúng trên màn hình Đồng bộ.</source>
        <translation>There are {count} conflicts numbered {number}; resolve them on the Sync screen.</translation>
    </message>
    <message>
        <source>Không tìm thấy dòng {row_id} của bảng {table}.</source>
        <translation>Record {row_id} of table {table} not found.</translation>
    </message>
    <message>
        <source>Xung đột số {number}: hai văn phòng đã tạo dòng cùng một mã và bản của văn phòng “{office}” không được giữ. Không khôi phục được bản đó; hãy nhập lại nó thành một dòng mới, rồi chọn giữ giá trị hiện tại để đóng xung đột.</source>
        <translation>Conflict {number}: two offices created a record with the same ID and the version of “{office}” was not kept. That version cannot be restored; enter it again as a new record, then choose to keep the current value to close the conflict.</translation>
    </message>
    <message>
        <source>máy {host}, từ {since}</source>
        <translation>computer {host}, since {since}</translation>
    </message>
    <message>
        <source>không rõ máy nào</source>
        <translation>unknown computer</translation>
    </message>
    <message>
        <source>Đang đồng bộ thư mục trong ứng dụng này; lần này bỏ qua.</source>
        <translation>A folder sync is already running in this application; skipping this round.</translation>
    </message>
    <message>
        <source>Thư mục {folder} đang được đồng bộ ({holder}). Nếu không có lần đồng bộ nào đang chạy, tệp khóa {lock} sẽ tự hết hạn sau {minutes} phút.</source>
        <translation>Folder {folder} is being synced ({holder}). If no sync is running, the lock file {lock} expires by itself after {minutes} minutes.</translation>
    </message>
    <message>
        <source>Không thấy thư mục đồng bộ {folder} (ổ mạng đã kết nối chưa?).</source>
        <translation>Sync folder {folder} not found (is the network drive connected?).</translation>
    </message>
    <message>
        <source>số thứ tự {seq}</source>
        <translation>sequence number {seq}</translation>
    </message>
    <message>
        <source>{where} bị hỏng: đoạn thay đổi {segment} sai định dạng ({problem}).</source>
        <translation>{where} is damaged: change segment {segment} is badly formed ({problem}).</translation>
    </message>
    <message>
        <source>{where} bị hỏng: đoạn thay đổi {segment} thiếu dòng ({found}/{expected}).</source>
        <translation>{where} is damaged: change segment {segment} lacks lines ({found}/{expected}).</translation>
    </message>
    <message>
        <source>số {first}–{last}: trùng số với thay đổi đã có nhưng khác nội dung (một bản sao cơ sở dữ liệu của văn phòng đó đã dùng lại số)</source>
        <translation>numbers {first}–{last}: same numbers as changes already held but different content (a copy of that office&apos;s database reused the numbers)</translation>
    </message>
    <message>
        <source>Dữ liệu đồng bộ</source>
        <translation>Sync data</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu chưa được khởi tạo. Hãy chạy &apos;ptds init&apos;.</source>
        <translation>The database has not been initialised. Run &apos;ptds init&apos;.</translation>
    </message>
    <message>
        <source>Đồng hồ máy này chậm hơn dữ liệu đang có (mới nhất lúc {when}). Hãy chỉnh lại ngày giờ của máy, nếu không các sửa đổi mới có thể bị coi là cũ. Nếu ngày giờ của máy đã đúng, chạy &apos;ptds sync clock --reset&apos; để đưa đồng hồ đồng bộ về giờ máy.</source>
        <translation>This computer&apos;s clock is behind the data held (newest at {when}). Correct the computer&apos;s date and time, or new changes may be taken as old. If the computer&apos;s date and time are right, run &apos;ptds sync clock --reset&apos; to bring the sync clock back to the computer&apos;s time.</translation>
    </message>
    <message>
        <source>chưa gửi gói nào về từ {date}</source>
        <translation>has sent no bundle back since {date}</translation>
    </message>
    <message>
        <source>chưa gửi gói nào về kể từ gói gửi họ ngày {date}</source>
        <translation>has sent no bundle back since the bundle sent to them on {date}</translation>
    </message>
    <message>
        <source>“{office}” {heard} ({days} ngày).</source>
        <translation>“{office}” {heard} ({days} days).</translation>
    </message>
    <message>
        <source> Họ còn thiếu {count} thay đổi, cũ nhất từ {date}: hãy gửi gói qua USB hoặc thư mục đồng bộ và nhắc họ gửi gói về.</source>
        <translation> They still lack {count} changes, the oldest from {date}: send a bundle by USB stick or sync folder and remind them to send one back.</translation>
    </message>
    <message>
        <source>Không thấy thư mục {folder} (USB đã cắm chưa?).</source>
        <translation>Folder {folder} not found (is the USB stick plugged in?).</translation>
    </message>
    <message>
        <source>Đã xóa {count} gói ghi dở của văn phòng này (máy tắt giữa chừng): {names}.</source>
        <translation>Deleted {count} half-written bundles of this office (the computer shut down midway): {names}.</translation>
    </message>
    <message>
        <source>Không có gì mới cho “{name}”: không ghi gói.</source>
        <translation>Nothing new for “{name}”: no bundle written.</translation>
    </message>
    <message>
        <source>Đã xóa khỏi USB {count} gói mà nơi nhận đã có đủ: {names}.</source>
        <translation>Deleted from the USB stick {count} bundles their recipients already have in full: {names}.</translation>
    </message>
    <message>
        <source>Khóa của “{office}” chưa bị thu hồi. Chỉ lập lại tệp đăng ký cho văn phòng đã thu hồi khóa (máy bị mất): &apos;ptds sync key revoke&apos;.</source>
        <translation>The key of “{office}” has not been revoked. A new enrolment file is written only for an office whose key was revoked (a lost laptop): &apos;ptds sync key revoke&apos;.</translation>
    </message>
    <message>
        <source>Không tìm thấy văn phòng có mã “{id}” trong các văn phòng do văn phòng này đăng ký.</source>
        <translation>No office with id “{id}” among the offices this office enrolled.</translation>
    </message>
    <message>
        <source>Đã đổi khóa ký của “{office}”: khóa cũ {old}, khóa mới {new}. Các gói sau ký bằng khóa mới; văn phòng khác nhận khóa mới qua gói kế tiếp.</source>
        <translation>Rotated the signing key of “{office}”: old key {old}, new key {new}. Later bundles are signed with the new key; other offices receive it in the next bundle.</translation>
    </message>
    <message>
        <source>Đã thu hồi khóa {fingerprints} của “{office}” từ {since}. Mọi văn phòng sẽ từ chối thay đổi ký bằng khóa này ghi sau thời điểm đó (giữ những thay đổi trước đó) khi nhận gói kế tiếp của văn phòng này.</source>
        <translation>Revoked key {fingerprints} of “{office}” since {since}. Every office will refuse changes signed with it and made after that moment (keeping the earlier ones) once it receives this office&apos;s next bundle.</translation>
    </message>
    <message>
        <source>{count} thay đổi đã nhận trước đây bị từ chối (xem &apos;ptds sync rejected&apos;).</source>
        <translation>{count} changes received earlier are now refused (see &apos;ptds sync rejected&apos;).</translation>
    </message>
    <message>
        <source>Cấp tệp đăng ký cho máy mới: ptds sync key reenrol {office_id} -o TỆP</source>
        <translation>Enrolment file for the new laptop: ptds sync key reenrol {office_id} -o FILE</translation>
    </message>
    <message>
        <source>Đã ghi tệp đăng ký lại {path} cho “{name}” với khóa mới. Tại máy mới: ptds init --enrol {path}; gói kế tiếp từ văn phòng này gửi lại toàn bộ dữ liệu.</source>
        <translation>Wrote the new enrolment file {path} for “{name}” with a new key. On the new laptop: ptds init --enrol {path}; the next bundle from this office sends all the data back.</translation>
    </message>
    <message>
        <source>Giờ thu hồi không tồn tại: {hour}:{minute:02d}.</source>
        <translation>No such revocation time: {hour}:{minute:02d}.</translation>
    </message>
    <message>
        <source>Không tìm thấy văn phòng có mã “{id}” trong các văn phòng do văn phòng này đăng ký (xem &apos;ptds sync peers&apos;).</source>
        <translation>No office with id “{id}” among the offices this office enrolled (see &apos;ptds sync peers&apos;).</translation>
    </message>
    <message>
        <source>Chưa biết khóa nào của “{office}”: không có gì để thu hồi.</source>
        <translation>No key of “{office}” is known here: nothing to revoke.</translation>
    </message>
    <message>
        <source>ký bằng khóa {fingerprint} của “{office}”, khóa này đã bị “{issuer}” thu hồi từ {since} (máy bị mất hoặc lộ khóa); thay đổi ghi lúc {when}, sau thời điểm thu hồi</source>
        <translation>signed with key {fingerprint} of “{office}”, which “{issuer}” revoked since {since} (a lost laptop or a leaked key); the change was made at {when}, after the revocation</translation>
    </message>
    <message>
        <source>Đã xóa hẳn {count} dòng đã xóa mà mọi văn phòng đã xác nhận:</source>
        <translation>Purged {count} deleted records every office has acknowledged:</translation>
    </message>
    <message>
        <source>Sẽ xóa hẳn {count} dòng đã xóa mà mọi văn phòng đã xác nhận:</source>
        <translation>Would purge {count} deleted records every office has acknowledged:</translation>
    </message>
    <message>
        <source>Không có dòng đã xóa nào xóa hẳn được lúc này.</source>
        <translation>No deleted record can be purged now.</translation>
    </message>
    <message>
        <source>Còn giữ {count} dòng đã xóa:</source>
        <translation>{count} deleted records are kept:</translation>
    </message>
    <message>
        <source>Đã xóa hẳn từ trước đến nay: {count} dòng.</source>
        <translation>Purged so far: {count} records.</translation>
    </message>
    <message>
        <source>Đã xóa hẳn {count} dòng đã xóa mà mọi văn phòng đã xác nhận (xem &apos;ptds sync purge --dry-run&apos;).</source>
        <translation>Purged {count} deleted records every office has acknowledged (see &apos;ptds sync purge --dry-run&apos;).</translation>
    </message>
    <message>
        <source>“{office}” (chưa gửi gói nào về đây)</source>
        <translation>“{office}” (has sent no bundle here yet)</translation>
    </message>
    <message>
        <source>“{office}” (còn thay đổi của họ chưa tới đây)</source>
        <translation>“{office}” (some of its changes have not arrived here yet)</translation>
    </message>
    <message>
        <source>một xung đột khóa chưa được giải quyết</source>
        <translation>an unresolved key conflict</translation>
    </message>
    <message>
        <source>còn xung đột hoặc thay đổi chờ xem xét</source>
        <translation>it has conflicts or waiting changes to review</translation>
    </message>
    <message>
        <source>văn phòng quản lý dòng này hoặc cấp trên của nó quyết định</source>
        <translation>the office that owns it, or one above it, decides</translation>
    </message>
    <message>
        <source>chờ xác nhận của: {offices}</source>
        <translation>waiting for acknowledgement from: {offices}</translation>
    </message>
    <message>
        <source>việc xóa chưa được gửi đi</source>
        <translation>the deletion has not been sent yet</translation>
    </message>
    <message>
        <source>dữ liệu khác còn trỏ tới</source>
        <translation>other data still refers to it</translation>
    </message>
    <message>
        <source>Tệp đăng ký {path} cần mã một lần (16 ký tự, 4 nhóm) mà văn phòng cấp trên đọc cho qua điện thoại. Hãy hỏi cấp trên mã đó rồi nhập vào.</source>
        <translation>The enrolment file {path} needs the one-time code (16 characters, 4 groups) the parent office reads out on the phone. Ask the parent office for it and enter it.</translation>
    </message>
    <message>
        <source>Mã một lần không đúng: không mở được khóa trong tệp đăng ký {path}. Hãy đọc lại từng nhóm 4 ký tự với văn phòng cấp trên (mã không dùng chữ O, chữ I, số 0, số 1). Chưa có gì thay đổi.</source>
        <translation>Wrong one-time code: it does not open the keys in the enrolment file {path}. Read each group of 4 characters again with the parent office (the code never uses the letters O and I or the digits 0 and 1). Nothing has changed.</translation>
    </message>
    <message>
        <source>Gói gửi mọi văn phòng KHÔNG được niêm phong: ai nhặt được USB sẽ đọc được họ tên, số điện thoại trong gói. Hãy gửi bằng --to all để mỗi văn phòng nhận một gói niêm phong riêng.</source>
        <translation>A bundle for any office is NOT sealed: whoever finds the USB stick can read the names and phone numbers in it. Send with --to all so that each office gets its own sealed bundle.</translation>
    </message>
    <message>
        <source>Gói gửi “{office}” KHÔNG được niêm phong vì chưa có khóa niêm phong của văn phòng đó (văn phòng đó chưa gửi gói nào từ phiên bản có niêm phong): ai nhặt được USB sẽ đọc được họ tên, số điện thoại trong gói. Hãy giữ USB cẩn thận và xóa gói khi đã giao; sau khi nhập một gói của “{office}” (đã cập nhật ứng dụng), các gói sau sẽ được niêm phong.</source>
        <translation>The bundle for “{office}” is NOT sealed because that office&apos;s seal key is not known yet (it has sent no bundle from a release that seals): whoever finds the USB stick can read the names and phone numbers in it. Keep the stick safe and delete the bundle once delivered; after a bundle from “{office}” (with the app updated) has been imported, the next bundles are sealed.</translation>
    </message>
    <message>
        <source>văn phòng chưa có trong danh sách, mã {id}</source>
        <translation>an office not in the list, id {id}</translation>
    </message>
    <message>
        <source>Gói {name} gửi cho văn phòng khác (“{office}”), không phải văn phòng này; gói được niêm phong nên chỉ “{office}” mở được. Hãy chuyển gói cho văn phòng đó. Không có gì được áp dụng.</source>
        <translation>Bundle {name} is for another office (“{office}”), not this one; it is sealed, so only “{office}” can open it. Pass it on to that office. Nothing was applied.</translation>
    </message>
    <message>
        <source>Gói {name} được niêm phong cho văn phòng này nhưng khóa niêm phong của máy này không mở được (gói đã bị sửa, hoặc được niêm phong cho khóa của một lần cài đặt trước). Không có gì được áp dụng; hãy xin văn phòng gửi gói lại.</source>
        <translation>Bundle {name} is sealed for this office but this computer&apos;s seal key does not open it (the bundle was altered, or sealed to the key of an earlier installation). Nothing was applied; ask the office to send the bundle again.</translation>
    </message>
    <message>
        <source>Gói {name} được niêm phong cho văn phòng này nhưng bên trong ghi gửi văn phòng khác: gói đã bị chuyển tiếp sai. Không áp dụng.</source>
        <translation>Bundle {name} is sealed for this office but inside it is addressed to another office: it was forwarded wrongly. Not applied.</translation>
    </message>
    <message>
        <source>Mã một lần do “{parent}” đọc qua điện thoại: </source>
        <translation>One-time code read out by “{parent}” on the phone: </translation>
    </message>
    <message>
        <source>phần nội dung niêm phong không giải mã được (đã bị sửa, bị cắt hoặc hỏng khi chép)</source>
        <translation>the sealed content cannot be decrypted (altered, cut short or damaged while copying)</translation>
    </message>
    <message>
        <source>gói niêm phong có thành phần lạ</source>
        <translation>the sealed bundle has unexpected members</translation>
    </message>
    <message>
        <source>phần nội dung niêm phong được lưu sai cách</source>
        <translation>the sealed content is stored the wrong way</translation>
    </message>
    <message>
        <source>seal.json không phải của gói đồng bộ PTDS</source>
        <translation>seal.json is not a PTDS sync bundle&apos;s</translation>
    </message>
    <message>
        <source>seal.json: cỡ khối mã hóa không hợp lệ</source>
        <translation>seal.json: invalid encryption chunk size</translation>
    </message>
    <message>
        <source>Gói {name} được niêm phong theo cách mới hơn phiên bản này đọc được. Hãy cập nhật ứng dụng.</source>
        <translation>Bundle {name} is sealed in a newer way than this version reads. Update the application.</translation>
    </message>
    <message>
        <source>Mã một lần: {code} — đọc cho văn phòng mới qua điện thoại; KHÔNG gửi kèm tệp, KHÔNG ghi lên USB.</source>
        <translation>One-time code: {code} — read it to the new office on the phone; do NOT send it with the file, do NOT write it on the USB stick.</translation>
    </message>
    <message>
        <source>Tại văn phòng mới: ptds init --enrol {path} --code &quot;{code}&quot;</source>
        <translation>At the new office: ptds init --enrol {path} --code &quot;{code}&quot;</translation>
    </message>
    <message>
        <source>, niêm phong cho nơi nhận</source>
        <translation>, sealed for the recipient</translation>
    </message>
    <message>
        <source>Khóa niêm phong trong tệp đăng ký bị hỏng.</source>
        <translation>The seal key in the enrolment file is damaged.</translation>
    </message>
    <message>
        <source>Khóa niêm phong trong tệp đăng ký không phải khóa X25519.</source>
        <translation>The seal key in the enrolment file is not an X25519 key.</translation>
    </message>
    <message>
        <source>Nguồn và đích là cùng một cơ sở dữ liệu; hãy chọn một đích khác.</source>
        <translation>The source and the target are the same database; choose another target.</translation>
    </message>
    <message>
        <source>Không tìm thấy cơ sở dữ liệu nguồn {path}.</source>
        <translation>Source database {path} not found.</translation>
    </message>
    <message>
        <source>Cơ sở dữ liệu đích {target} đã có dữ liệu (bảng {table}); chỉ chép sang một cơ sở dữ liệu mới hoặc rỗng.</source>
        <translation>The target database {target} already holds data (table {table}); copy only into a new or empty database.</translation>
    </message>
    <message>
        <source>Bản chép khác bản gốc: bảng {table}, dòng {row}, cột {column}. Cơ sở dữ liệu đích {target} không nên dùng; nguồn {source} không bị thay đổi.</source>
        <translation>The copy differs from the original: table {table}, row {row}, column {column}. Do not use the target database {target}; the source {source} is unchanged.</translation>
    </message>
    <message>
        <source>Bản chép khác bản gốc: bảng {table} có {theirs} dòng, nguồn có {mine}. Cơ sở dữ liệu đích {target} không nên dùng; nguồn {source} không bị thay đổi.</source>
        <translation>The copy differs from the original: table {table} has {theirs} rows, the source has {mine}. Do not use the target database {target}; the source {source} is unchanged.</translation>
    </message>
    <message>
        <source>Không tìm thấy chương trình {name} của PostgreSQL trên máy này; hãy cài gói postgresql-client.</source>
        <translation>PostgreSQL&apos;s {name} program was not found on this computer; install the postgresql-client package.</translation>
    </message>
    <message>
        <source>Không sao lưu được cơ sở dữ liệu {url}: {reason}</source>
        <translation>Could not back up the database {url}: {reason}</translation>
    </message>
    <message>
        <source>Không khôi phục được từ {name}: {reason}. Cơ sở dữ liệu hiện tại không đổi.</source>
        <translation>Cannot restore from {name}: {reason}. The current database is unchanged.</translation>
    </message>
    <message>
        <source>Người khác đã sửa {fields} sau khi bạn mở biểu mẫu; chưa lưu gì.</source>
        <translation>Someone else changed {fields} after you opened the form; nothing was saved.</translation>
    </message>
    <message>
        <source>Mật khẩu của cơ sở dữ liệu {path}: </source>
        <translation>Passphrase of the database {path}: </translation>
    </message>
    <message>
        <source>  [{done}/{total}] {table}: {rows} dòng</source>
        <translation>  [{done}/{total}] {table}: {rows} rows</translation>
    </message>
    <message>
        <source>Đang chép {source} sang {target}…</source>
        <translation>Copying {source} to {target}…</translation>
    </message>
    <message>
        <source>Đã chép {source} sang {target}: {tables} bảng, {rows} dòng, {files} tệp khóa và tệp đính kèm. Bản chép đã được so khớp từng dòng với bản gốc.</source>
        <translation>Copied {source} to {target}: {tables} tables, {rows} rows, {files} key and attachment files. The copy was compared row by row with the original.</translation>
    </message>
    <message>
        <source>Từ nay mọi máy của văn phòng dùng: ptds --db {target}. Đừng tiếp tục ghi vào bản cũ: hai bản cùng một văn phòng sẽ đánh số thay đổi trùng nhau.</source>
        <translation>From now on every computer of the office uses: ptds --db {target}. Do not keep writing to the old copy: two copies of one office would number their changes alike.</translation>
    </message>
    <message>
        <source>Khóa ngoại hỏng: bảng {table}, dòng {rowid} trỏ tới bảng {parent} nhưng dòng được trỏ tới không có.</source>
        <translation>Broken foreign key: table {table}, row {rowid} points into table {parent} at a row that does not exist.</translation>
    </message>
    <message>
        <source>Chỉ mục {index} hỏng: {problem}</source>
        <translation>Index {index} is damaged: {problem}</translation>
    </message>
    <message>
        <source>Khóa ngoại {constraint} của bảng {table} chưa được kiểm chứng (NOT VALID): các dòng đã có có thể trỏ tới dòng không tồn tại.</source>
        <translation>Foreign key {constraint} of table {table} is not validated (NOT VALID): existing rows may point at rows that do not exist.</translation>
    </message>
    <message>
        <source>Không đọc hết được bảng {table}: {problem}</source>
        <translation>Cannot read all of table {table}: {problem}</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>ngày/tháng/năm</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>Gõ ngày như 15/06/2026, 15/6/26 hoặc 15062026; Alt+↓ mở lịch.</source>
        <translation>Type a date as 15/06/2026, 15/6/26 or 15062026; Alt+↓ opens the calendar.</translation>
    </message>
    <message>
        <source>Chọn trên lịch (Alt+↓)</source>
        <translation>Pick on the calendar (Alt+↓)</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>Thiếu {field}.</source>
        <translation>The {field} is missing.</translation>
    </message>
    <message>
        <source>{field} không đúng dạng ngày/tháng/năm, ví dụ 15/06/2026, 15/6/26 hoặc 15062026: “{text}”.</source>
        <translation>{field} is not a day/month/year date such as 15/06/2026, 15/6/26 or 15062026: “{text}”.</translation>
    </message>
    <message>
        <source>năm {year} nằm ngoài khoảng {first}–{last}</source>
        <translation>the year {year} is outside {first}–{last}</translation>
    </message>
    <message>
        <source>không có tháng {month}</source>
        <translation>there is no month {month}</translation>
    </message>
    <message>
        <source>tháng {month} năm {year} chỉ có {days} ngày</source>
        <translation>month {month} of {year} has only {days} days</translation>
    </message>
    <message>
        <source>không có ngày 0</source>
        <translation>there is no day 0</translation>
    </message>
    <message>
        <source>{field} không tồn tại: {text} ({reason}).</source>
        <translation>{field} does not exist: {text} ({reason}).</translation>
    </message>
</context>
<context>
    <name>DecisionDate</name>
    <message>
        <source>Vẫn lưu với ngày ký này?</source>
        <translation>Save with this signing date anyway?</translation>
    </message>
    <message>
        <source>Ngày ký</source>
        <translation>Signing date</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Sửa quyết định %1</source>
        <translation>Edit decision %1</translation>
    </message>
    <message>
        <source>Kiện toàn %1</source>
        <translation>Reorganise the %1</translation>
    </message>
    <message>
        <source>Thành lập %1</source>
        <translation>Establish the %1</translation>
    </message>
    <message>
        <source>(chưa đính kèm)</source>
        <translation>(none attached)</translation>
    </message>
    <message>
        <source>Chọn bản quét quyết định</source>
        <translation>Choose the scanned decision</translation>
    </message>
    <message>
        <source>Bản quét (*.pdf *.jpg *.jpeg *.png);;Mọi tệp (*)</source>
        <translation>Scans (*.pdf *.jpg *.jpeg *.png);;All files (*)</translation>
    </message>
    <message>
        <source>Hãy đánh dấu “Kết thúc” với người thôi tham gia, đổi chức danh của người ở lại, hoặc thêm thành viên mới.</source>
        <translation>Tick “Ends” for those who leave, change the role of those who stay, or add new members.</translation>
    </message>
    <message>
        <source>Hãy thêm các thành viên Ban theo quyết định.</source>
        <translation>Add the board members the decision names.</translation>
    </message>
</context>
<context>
    <name>DecisionsTab</name>
    <message>
        <source>Sửa quyết định, đính kèm bản quét…</source>
        <translation>Edit decision, attach scan…</translation>
    </message>
    <message>
        <source>Đã lưu Quyết định số %1.</source>
        <translation>Saved decision %1.</translation>
    </message>
</context>
<context>
    <name>DocumentSettingsView</name>
    <message>
        <source>Địa danh ở dòng ngày tháng của mọi văn bản, ví dụ “Đắk Lắk”</source>
        <translation>The place on the date line of every document, e.g. “Đắk Lắk”</translation>
    </message>
    <message>
        <source>TM. (thay mặt), KT. (ký thay), Q. (quyền), TL. (thừa lệnh), TUQ. (thừa ủy quyền), rồi chức vụ: “KT. TRƯỞNG BAN”</source>
        <translation>TM. (on behalf of), KT. (signing for), Q. (acting), TL. (by order), TUQ. (by authorisation), then the title: “KT. TRƯỞNG BAN”</translation>
    </message>
    <message>
        <source>Căn cứ …; (mỗi căn cứ một dòng)</source>
        <translation>Căn cứ …; (one legal basis a line)</translation>
    </message>
    <message>
        <source>Mỗi nơi nhận một dòng, ví dụ “Thường trực Tỉnh ủy (b/c)”</source>
        <translation>One recipient a line, e.g. “Thường trực Tỉnh ủy (b/c)”</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Đặt lại mặc định</source>
        <translation>Reset to defaults</translation>
    </message>
    <message>
        <source>Theo tên và cấp của văn phòng</source>
        <translation>From the office&apos;s name and level</translation>
    </message>
    <message>
        <source>Lưu (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Mỗi loại văn bản có cơ quan ban hành, người ký và nơi nhận mặc định. Văn bản in ra luôn bằng tiếng Việt.</source>
        <translation>Each kind of document has its default issuing body, signer and recipients. Printed documents are always in Vietnamese.</translation>
    </message>
    <message>
        <source>Loại văn bản</source>
        <translation>Kind of document</translation>
    </message>
    <message>
        <source>Địa danh (chung)</source>
        <translation>Place (all kinds)</translation>
    </message>
    <message>
        <source>Cơ quan chủ quản</source>
        <translation>Parent body</translation>
    </message>
    <message>
        <source>Cơ quan ban hành</source>
        <translation>Issuing body</translation>
    </message>
    <message>
        <source>Ký hiệu (loại-cơ quan)</source>
        <translation>Symbol (type-issuer)</translation>
    </message>
    <message>
        <source>Trích dẫn là</source>
        <translation>Cited as</translation>
    </message>
    <message>
        <source>Thẩm quyền ban hành</source>
        <translation>Issuing authority</translation>
    </message>
    <message>
        <source>Căn cứ</source>
        <translation>Legal bases</translation>
    </message>
    <message>
        <source>Theo đề nghị của</source>
        <translation>Proposed by</translation>
    </message>
    <message>
        <source>Người thi hành (điều cuối)</source>
        <translation>Executed by (last article)</translation>
    </message>
    <message>
        <source>Quyền hạn ký</source>
        <translation>Signing authority</translation>
    </message>
    <message>
        <source>Chức vụ người ký</source>
        <translation>Signer&apos;s position</translation>
    </message>
    <message>
        <source>Chức vụ thứ hai</source>
        <translation>Second position</translation>
    </message>
    <message>
        <source>Họ và tên người ký</source>
        <translation>Signer&apos;s full name</translation>
    </message>
    <message>
        <source>Nơi nhận</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <source>Dòng “Lưu:”</source>
        <translation>“Lưu:” line (filed at)</translation>
    </message>
    <message>
        <source>Đã lưu riêng cho văn phòng.</source>
        <translation>Saved for this office.</translation>
    </message>
    <message>
        <source>Mặc định theo tên và cấp của văn phòng (chưa sửa).</source>
        <translation>Defaults from the office&apos;s name and level (not changed).</translation>
    </message>
    <message>
        <source>Đã lưu thiết lập “%1”.</source>
        <translation>Saved the settings of “%1”.</translation>
    </message>
    <message>
        <source>Đã đặt lại mặc định cho “%1”.</source>
        <translation>Reset “%1” to its defaults.</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>Kế hoạch tổ chức Hội nghị</source>
        <translation>Conference plan</translation>
    </message>
    <message>
        <source>Giấy mời</source>
        <translation>Invitations</translation>
    </message>
    <message>
        <source>Danh sách đại biểu, ký tên</source>
        <translation>Attendee list and sign-in sheet</translation>
    </message>
    <message>
        <source>Chương trình Hội nghị</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Maket trang trí</source>
        <translation>Backdrop</translation>
    </message>
</context>
<context>
    <name>DutyDialog</name>
    <message>
        <source>Thêm nhiệm vụ chuẩn bị</source>
        <translation>Add preparation duty</translation>
    </message>
    <message>
        <source>Cơ quan thực hiện:</source>
        <translation>Organization:</translation>
    </message>
    <message>
        <source>Nội dung:</source>
        <translation>Content:</translation>
    </message>
    <message>
        <source>Hạn hoàn thành:</source>
        <translation>Due:</translation>
    </message>
</context>
<context>
    <name>EnrolmentConfirmDialog</name>
    <message>
        <source>Thiết lập từ tệp đăng ký</source>
        <translation>Set up from an enrolment file</translation>
    </message>
    <message>
        <source>Hãy gọi điện cho “%1” và đọc đối chiếu dấu vân tay này với dấu vân tay hiện trên màn hình Đồng bộ của họ. Chỉ thiết lập khi khớp hoàn toàn: tệp giả mạo sẽ có dấu vân tay khác.</source>
        <translation>Call “%1” and read this fingerprint aloud against the one on their Sync screen. Set up only if they match exactly: a forged file has a different fingerprint.</translation>
    </message>
    <message numerus="yes">
        <source>%n cơ quan, đơn vị</source>
        <translation>
            <numerusform>%n organization</numerusform>
            <numerusform>%n organizations</numerusform>
        </translation>
    </message>
    <message>
        <source>Văn phòng đăng ký:</source>
        <translation>Enrolled by:</translation>
    </message>
    <message>
        <source>Dấu vân tay khóa:</source>
        <translation>Key fingerprint:</translation>
    </message>
    <message>
        <source>Máy này sẽ là:</source>
        <translation>This computer becomes:</translation>
    </message>
    <message>
        <source>Danh mục nhận kèm:</source>
        <translation>Catalogue included:</translation>
    </message>
    <message>
        <source>&amp;Thiết lập</source>
        <translation>&amp;Set up</translation>
    </message>
    <message>
        <source>&amp;Mã một lần:</source>
        <translation>One-time &amp;code:</translation>
    </message>
    <message>
        <source>Khóa của văn phòng này trong tệp được khóa bằng mã một lần (4 nhóm 4 ký tự) mà “%1” đọc cho qua điện thoại; mã không đi kèm tệp.</source>
        <translation>This office&apos;s keys in the file are locked by a one-time code (4 groups of 4 characters) that “%1” reads out on the phone; the code does not travel with the file.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Lỗi không mong đợi</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>Đã xảy ra lỗi không mong đợi. Ứng dụng vẫn chạy tiếp; hãy kiểm tra lại thao tác vừa làm. Nếu lỗi lặp lại, hãy sao chép báo cáo dưới đây gửi cho bộ phận hỗ trợ.</source>
        <translation>An unexpected error occurred. The application keeps running; check the action you just did. If the error comes back, copy the report below and send it to your support contact.</translation>
    </message>
    <message>
        <source>Báo cáo cũng được ghi vào %1.</source>
        <translation>The report is also written to %1.</translation>
    </message>
    <message>
        <source>&amp;Sao chép báo cáo</source>
        <translation>&amp;Copy report</translation>
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
    <name>ExportDialog</name>
    <message>
        <source>&amp;Xuất gói</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>Mọi văn phòng trao đổi (mỗi văn phòng một gói)</source>
        <translation>Every peer office (one bundle each)</translation>
    </message>
    <message>
        <source>Bất kỳ văn phòng nào (gói đầy đủ)</source>
        <translation>Any office (full bundle)</translation>
    </message>
    <message>
        <source>Chọn thư mục lưu gói</source>
        <translation>Choose the folder for the bundle</translation>
    </message>
    <message>
        <source>Hãy chọn thư mục lưu gói.</source>
        <translation>Choose a folder for the bundle.</translation>
    </message>
    <message>
        <source>Không thấy thư mục %1 (USB đã cắm chưa?).</source>
        <translation>Folder %1 not found (is the USB stick plugged in?).</translation>
    </message>
    <message>
        <source>Xuất văn bản hội nghị</source>
        <translation>Export conference documents</translation>
    </message>
    <message>
        <source>Mỗi đại biểu một trang</source>
        <translation>One page per invitee</translation>
    </message>
    <message>
        <source>Mỗi cơ quan một trang</source>
        <translation>One page per organization</translation>
    </message>
    <message>
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Văn bản:</source>
        <translation>Document:</translation>
    </message>
    <message>
        <source>Định dạng:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Giấy mời:</source>
        <translation>Invitations:</translation>
    </message>
    <message>
        <source>Lưu vào:</source>
        <translation>Save to:</translation>
    </message>
    <message>
        <source>&amp;Xuất</source>
        <translation>E&amp;xport</translation>
    </message>
    <message>
        <source>Lưu văn bản</source>
        <translation>Save document</translation>
    </message>
    <message>
        <source>Hãy chọn nơi lưu tệp.</source>
        <translation>Choose where to save the file.</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>cơ quan, đơn vị</source>
        <translation>organization</translation>
    </message>
    <message>
        <source>người</source>
        <translation>person</translation>
    </message>
    <message>
        <source>tên văn phòng</source>
        <translation>office name</translation>
    </message>
    <message>
        <source>tên cơ quan, đơn vị</source>
        <translation>organization name</translation>
    </message>
    <message>
        <source>cơ quan cấp trên</source>
        <translation>parent organization</translation>
    </message>
    <message>
        <source>họ và tên</source>
        <translation>full name</translation>
    </message>
    <message>
        <source>ngày</source>
        <translation>date</translation>
    </message>
    <message>
        <source>ngày ký</source>
        <translation>signing date</translation>
    </message>
    <message>
        <source>ngày xem danh sách</source>
        <translation>date of the list</translation>
    </message>
    <message>
        <source>Ban Chỉ huy</source>
        <translation>command board</translation>
    </message>
    <message>
        <source>quyết định</source>
        <translation>decision</translation>
    </message>
    <message>
        <source>thành viên</source>
        <translation>member</translation>
    </message>
    <message>
        <source>Chức vụ, đơn vị</source>
        <translation>Position, organization</translation>
    </message>
    <message>
        <source>tên Ban Chỉ huy</source>
        <translation>board name</translation>
    </message>
    <message>
        <source>tên địa phương</source>
        <translation>locality name</translation>
    </message>
    <message>
        <source>Ủy ban nhân dân</source>
        <translation>People&apos;s Committee</translation>
    </message>
    <message>
        <source>cơ quan thường trực</source>
        <translation>standing agency</translation>
    </message>
    <message>
        <source>số, ký hiệu quyết định</source>
        <translation>decision number and symbol</translation>
    </message>
    <message>
        <source>ngày ký quyết định</source>
        <translation>decision signing date</translation>
    </message>
    <message>
        <source>cơ quan ban hành</source>
        <translation>issuing body</translation>
    </message>
    <message>
        <source>ngày hiệu lực</source>
        <translation>effective date</translation>
    </message>
    <message>
        <source>kế hoạch</source>
        <translation>plan</translation>
    </message>
    <message>
        <source>nhiệm vụ</source>
        <translation>task</translation>
    </message>
    <message>
        <source>thời điểm thu hồi</source>
        <translation>revocation moment</translation>
    </message>
    <message>
        <source>Tên hội nghị</source>
        <translation>Conference name</translation>
    </message>
    <message>
        <source>Ngày giờ</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>Số, ký hiệu kế hoạch</source>
        <translation>Plan number and symbol</translation>
    </message>
    <message>
        <source>Ngày ban hành</source>
        <translation>Issue date</translation>
    </message>
    <message>
        <source>Địa danh</source>
        <translation>Place name</translation>
    </message>
    <message>
        <source>Mục đích</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Yêu cầu</source>
        <translation>Requirements</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Số phút</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Thời lượng</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Hình thức</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Hình thức (như in)</source>
        <translation>Format (as printed)</translation>
    </message>
    <message>
        <source>Maket</source>
        <translation>Backdrop</translation>
    </message>
    <message>
        <source>Bảo đảm</source>
        <translation>Logistics</translation>
    </message>
    <message>
        <source>Người liên hệ</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Liên hệ</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Câu kết</source>
        <translation>Closing sentence</translation>
    </message>
    <message>
        <source>Số, ký hiệu giấy mời</source>
        <translation>Invitation number and symbol</translation>
    </message>
    <message>
        <source>Ngày ban hành giấy mời</source>
        <translation>Invitation issue date</translation>
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
    <message>
        <source>&amp;Tạo văn phòng mới</source>
        <translation>&amp;Create a new office</translation>
    </message>
    <message>
        <source>Văn phòng cấp trên đã đăng ký văn phòng này và đưa tệp đăng ký? Hãy thiết lập từ tệp đó: máy này nhận tên văn phòng, khóa của cấp trên và danh mục cơ quan, đơn vị.</source>
        <translation>Has your parent office registered this office and given you its enrolment file? Set up from that file: this computer receives the office name, the parent&apos;s key and its organization catalogue.</translation>
    </message>
    <message>
        <source>Thiết lập từ tệp đăng &amp;ký…</source>
        <translation>Set up from an &amp;enrolment file…</translation>
    </message>
    <message>
        <source>Cán bộ văn phòng cấp tỉnh dùng chung cơ sở dữ liệu trên máy chủ của cơ quan? Hãy kết nối tới cơ sở dữ liệu đó.</source>
        <translation>Does the provincial office&apos;s staff share a database on the office&apos;s server? Connect to that database.</translation>
    </message>
    <message>
        <source>Kết nối &amp;máy chủ…</source>
        <translation>Connect to a &amp;server…</translation>
    </message>
    <message>
        <source>Hoặc tạo văn phòng mới (chưa trao đổi với văn phòng nào):</source>
        <translation>Or create a new office (not yet exchanging with any office):</translation>
    </message>
    <message>
        <source>Chọn tệp đăng ký do cấp trên ghi</source>
        <translation>Choose the enrolment file written by the parent office</translation>
    </message>
    <message>
        <source>Tệp đăng ký PTDS (*%1);;Mọi tệp (*)</source>
        <translation>PTDS enrolment file (*%1);;All files (*)</translation>
    </message>
</context>
<context>
    <name>FolderSyncRunner</name>
    <message>
        <source>Đồng bộ thư mục %1: nhập %2 gói, gửi thay đổi cho %3 văn phòng.</source>
        <translation>Sync folder %1: imported %2 bundles, sent changes to %3 offices.</translation>
    </message>
    <message numerus="yes">
        <source>%n gói không nhập được (xem bằng “Nhập gói…”).</source>
        <translation>
            <numerusform>%n bundle could not be imported (see it with “Import bundle…”).</numerusform>
            <numerusform>%n bundles could not be imported (see them with “Import bundle…”).</numerusform>
        </translation>
    </message>
    <message>
        <source>Đồng bộ thư mục không chạy: %1</source>
        <translation>Sync folder did not run: %1</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Ngày này Ban chưa có thành viên.</source>
        <translation>The board had no members on this date.</translation>
    </message>
    <message>
        <source>Chọn một thành viên để xem quá trình tham gia Ban của người đó.</source>
        <translation>Select a member to see that person&apos;s record on boards.</translation>
    </message>
    <message>
        <source>Danh sách &amp;tại ngày:</source>
        <translation>Roster &amp;on:</translation>
    </message>
    <message>
        <source>Các &amp;lần thay đổi:</source>
        <translation>&amp;Changes:</translation>
    </message>
    <message>
        <source>(chọn)</source>
        <translation>(choose)</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n thành viên.</source>
        <translation>
            <numerusform>%1 — %n member.</numerusform>
            <numerusform>%1 — %n members.</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1”: quyết định chỉ ghi chức vụ, chưa ghi tên người.</source>
        <translation>“%1”: the decision names the position only, not the holder.</translation>
    </message>
    <message>
        <source>Quá trình tham gia Ban Chỉ huy của %1:</source>
        <translation>Board record of %1:</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Á&amp;p dụng</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <source>Gói từ văn phòng chưa quen</source>
        <translation>Bundle from an unknown office</translation>
    </message>
    <message>
        <source>Gói từ “%1”</source>
        <translation>Bundle from “%1”</translation>
    </message>
    <message>
        <source>Máy này chưa có khóa của “%1” (mã %2). Hãy gọi điện cho văn phòng đó và đọc đối chiếu dấu vân tay khóa dưới đây với dấu vân tay hiện trên màn hình Đồng bộ của họ. Chỉ xác nhận khi khớp hoàn toàn.</source>
        <translation>This computer does not have the key of “%1” (id %2) yet. Phone that office and compare the key fingerprint below with the one on their Sync screen. Confirm only if it matches exactly.</translation>
    </message>
    <message>
        <source>Chưa xem trước được nội dung gói khi chưa xác nhận văn phòng gửi.</source>
        <translation>The bundle&apos;s content can be previewed once the sender is confirmed.</translation>
    </message>
    <message>
        <source>Xem trước gói đồng bộ</source>
        <translation>Sync bundle preview</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Dấu vân tay %1 đã được xác nhận; khóa sẽ được lưu khi áp dụng.</source>
        <translation>Fingerprint %1 confirmed; the key is saved when you apply.</translation>
    </message>
    <message>
        <source>Nhập gói</source>
        <translation>Import bundle</translation>
    </message>
    <message>
        <source>Đang kiểm tra gói…</source>
        <translation>Checking the bundle…</translation>
    </message>
    <message>
        <source>Đã hủy nhập gói; dữ liệu không thay đổi.</source>
        <translation>Import cancelled; nothing was changed.</translation>
    </message>
    <message>
        <source>Đang áp dụng gói…</source>
        <translation>Applying the bundle…</translation>
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
    <message>
        <source>Cơ quan chỉ đạo</source>
        <translation>Directing body</translation>
    </message>
    <message>
        <source>Cơ quan chủ trì tham mưu</source>
        <translation>Lead advisory body</translation>
    </message>
    <message>
        <source>Cơ quan chủ trì</source>
        <translation>Lead agency</translation>
    </message>
    <message>
        <source>Cơ quan phối hợp</source>
        <translation>Coordinating agencies</translation>
    </message>
    <message>
        <source>Cơ quan tổ chức thực hiện</source>
        <translation>Implementing agencies</translation>
    </message>
    <message>
        <source>Thường xuyên</source>
        <translation>Ongoing</translation>
    </message>
    <message>
        <source>Hằng năm</source>
        <translation>Yearly</translation>
    </message>
    <message>
        <source>Định kỳ</source>
        <translation>Periodic</translation>
    </message>
    <message>
        <source>Quý</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Theo giai đoạn</source>
        <translation>By phase</translation>
    </message>
    <message>
        <source>Khi có kế hoạch</source>
        <translation>When planned</translation>
    </message>
    <message>
        <source>Chưa thực hiện</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>Đang thực hiện</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Hoàn thành</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Vướng mắc</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <source>Chưa báo cáo</source>
        <translation>Not reported</translation>
    </message>
    <message>
        <source>Kế hoạch</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Chương trình hành động</source>
        <translation>Action programme</translation>
    </message>
    <message>
        <source>Quyết định ban hành kế hoạch</source>
        <translation>Decision issuing a plan</translation>
    </message>
    <message>
        <source>Trưởng ban</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>Phó Trưởng ban thường trực</source>
        <translation>Standing deputy head</translation>
    </message>
    <message>
        <source>Phó Trưởng ban</source>
        <translation>Deputy head</translation>
    </message>
    <message>
        <source>Ủy viên thường trực</source>
        <translation>Standing member</translation>
    </message>
    <message>
        <source>Ủy viên</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Thành lập</source>
        <translation>Establishment</translation>
    </message>
    <message>
        <source>Kiện toàn</source>
        <translation>Reorganisation</translation>
    </message>
    <message>
        <source>Quyết định kiện toàn Ban Chỉ huy</source>
        <translation>Board decision (kiện toàn)</translation>
    </message>
    <message>
        <source>Danh sách, phân công nhiệm vụ thành viên</source>
        <translation>Member list and duties</translation>
    </message>
    <message>
        <source>Kế hoạch, chương trình</source>
        <translation>Plan, programme</translation>
    </message>
    <message>
        <source>Giấy mời</source>
        <translation>Invitation</translation>
    </message>
    <message>
        <source>Trực tiếp</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Trực tiếp kết hợp trực tuyến</source>
        <translation>In person and online</translation>
    </message>
    <message>
        <source>Điểm cầu chính</source>
        <translation>Main venue</translation>
    </message>
    <message>
        <source>Điểm cầu</source>
        <translation>Bridge site</translation>
    </message>
    <message>
        <source>Kính mời</source>
        <translation>Invited guest</translation>
    </message>
    <message>
        <source>Triệu tập</source>
        <translation>Summoned</translation>
    </message>
    <message>
        <source>Đã mời</source>
        <translation>Invited</translation>
    </message>
    <message>
        <source>Xác nhận dự</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Báo vắng</source>
        <translation>Declined</translation>
    </message>
    <message>
        <source>Có mặt</source>
        <translation>Attended</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Đang mở cơ sở dữ liệu…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>Khu vực</source>
        <translation>Areas</translation>
    </message>
    <message>
        <source>Đồng hồ máy tính</source>
        <translation>Computer clock</translation>
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
        <source>Sao lưu và &amp;khôi phục…</source>
        <translation>&amp;Backups and restore…</translation>
    </message>
    <message>
        <source>Mở cơ sở dữ liệu trên &amp;máy chủ…</source>
        <translation>Open a database on a &amp;server…</translation>
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
    <name>MatrixModel</name>
    <message>
        <source>TT</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Thời gian</source>
        <translation>Timeframe</translation>
    </message>
    <message>
        <source>Hạn</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Giai đoạn %1</source>
        <translation>Phase %1</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Thêm thành viên — %1</source>
        <translation>Add a member — %1</translation>
    </message>
    <message>
        <source>Thành viên mới — %1</source>
        <translation>New member — %1</translation>
    </message>
    <message>
        <source>Sửa thành viên — %1</source>
        <translation>Edit member — %1</translation>
    </message>
    <message>
        <source>(không có)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Có thể trùng người</source>
        <translation>Possible duplicate person</translation>
    </message>
    <message>
        <source>Đã có người cùng họ tên và số điện thoại:
%1</source>
        <translation>Someone with the same name and phone number is already on file:
%1</translation>
    </message>
    <message>
        <source>Gộp: dùng hồ sơ đã có (bổ sung những thông tin còn trống từ mẫu này). Nếu đây là người khác, chọn “Người khác”.</source>
        <translation>Merge: use the record on file (its empty fields are filled from this form). If this is someone else, choose “Someone else”.</translation>
    </message>
    <message>
        <source>&amp;Gộp vào hồ sơ đã có</source>
        <translation>&amp;Merge into the record on file</translation>
    </message>
    <message>
        <source>Người &amp;khác</source>
        <translation>&amp;Someone else</translation>
    </message>
</context>
<context>
    <name>MembersTab</name>
    <message>
        <source>Ban chưa có thành viên. Nhấn “Thành lập, kiện toàn…” để nhập quyết định thành lập Ban.</source>
        <translation>The board has no members yet. Press “Establish, reorganise…” to enter the decision establishing it.</translation>
    </message>
    <message>
        <source>&amp;Thêm thành viên…</source>
        <translation>&amp;Add member…</translation>
    </message>
    <message>
        <source>Bổ sung một thành viên theo quyết định mới</source>
        <translation>Add one member by a new decision</translation>
    </message>
    <message>
        <source>&amp;Sửa…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>Sửa thông tin thành viên đang chọn như đã ghi (F2, Enter)</source>
        <translation>Correct the selected member as recorded (F2, Enter)</translation>
    </message>
    <message>
        <source>&amp;Xóa dòng nhập nhầm</source>
        <translation>&amp;Delete mistaken entry</translation>
    </message>
    <message>
        <source>Xóa thành viên nhập nhầm (người thôi tham gia Ban thì dùng “Thành lập, kiện toàn…”)</source>
        <translation>Delete a member entered by mistake (someone leaving the board: use “Establish, reorganise…”)</translation>
    </message>
    <message>
        <source>Lên</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Đưa thành viên lên trên trong cùng chức danh</source>
        <translation>Move the member up within the same role</translation>
    </message>
    <message>
        <source>Xuống</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Đưa thành viên xuống dưới trong cùng chức danh</source>
        <translation>Move the member down within the same role</translation>
    </message>
    <message>
        <source>&amp;Thôi tham gia Ban…</source>
        <translation>&amp;Leave the board…</translation>
    </message>
    <message>
        <source>Ghi quyết định kiện toàn cho thành viên đang chọn thôi tham gia Ban</source>
        <translation>Record a reorganisation decision ending the selected member&apos;s membership</translation>
    </message>
    <message numerus="yes">
        <source>%n thành viên</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message>
        <source>Đã bổ sung %1 (%2) theo Quyết định số %3.</source>
        <translation>Added %1 (%2) by decision %3.</translation>
    </message>
    <message>
        <source>Đã lưu thành viên “%1”.</source>
        <translation>Saved member “%1”.</translation>
    </message>
    <message>
        <source>Xóa dòng nhập nhầm</source>
        <translation>Delete mistaken entry</translation>
    </message>
    <message>
        <source>Xóa “%1” khỏi danh sách Ban như chưa từng nhập?</source>
        <translation>Delete “%1” from the roster as if never entered?</translation>
    </message>
    <message>
        <source>Chỉ dùng khi nhập nhầm. Người thôi tham gia Ban được ghi bằng quyết định kiện toàn (“Thành lập, kiện toàn…”), để lịch sử được giữ.</source>
        <translation>Only for mistakes. Someone leaving the board is recorded by a reorganisation decision (“Establish, reorganise…”), so the history is kept.</translation>
    </message>
    <message>
        <source>Đã xóa “%1”.</source>
        <translation>Deleted “%1”.</translation>
    </message>
    <message>
        <source>Đã đổi thứ tự: %1 nay là số %2.</source>
        <translation>Order changed: %1 is now number %2.</translation>
    </message>
    <message>
        <source>Chưa có Ban Chỉ huy nào: hãy thêm Ban ở danh sách bên trái trước.</source>
        <translation>No command board yet: add a board in the list on the left first.</translation>
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
        <source>Thêm cơ quan, đơn vị</source>
        <translation>New organization</translation>
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
        <source>Xóa các cơ quan, đơn vị đang chọn</source>
        <translation>Delete the selected organizations</translation>
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
    <name>Passphrase</name>
    <message>
        <source>Mật khẩu cơ sở dữ liệu</source>
        <translation>Database passphrase</translation>
    </message>
    <message>
        <source>Dữ liệu của văn phòng này được mã hóa. Nhập mật khẩu để mở:</source>
        <translation>This office&apos;s data is encrypted. Enter the passphrase to open it:</translation>
    </message>
    <message>
        <source>Hiện mật khẩu</source>
        <translation>Show passphrase</translation>
    </message>
    <message>
        <source>Mở</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Hãy nhập mật khẩu.</source>
        <translation>Please enter the passphrase.</translation>
    </message>
    <message>
        <source>Không mở được cơ sở dữ liệu %1: %2</source>
        <translation>Cannot open the database %1: %2</translation>
    </message>
</context>
<context>
    <name>PickDialog</name>
    <message>
        <source>Lọc, gõ không dấu cũng được</source>
        <translation>Filter (accents optional)</translation>
    </message>
    <message>
        <source>Hãy chọn ít nhất một dòng.</source>
        <translation>Choose at least one row.</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Sửa kế hoạch</source>
        <translation>Edit plan</translation>
    </message>
    <message>
        <source>Kế hoạch mới</source>
        <translation>New plan</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>Các văn bản kế hoạch thực hiện (căn cứ), mỗi văn bản một dòng</source>
        <translation>The documents the plan implements (legal bases), one per line</translation>
    </message>
    <message>
        <source>Để trống nếu chỉ một cột thời gian; mỗi giai đoạn một dòng</source>
        <translation>Leave empty for a single timeframe column; one phase per line</translation>
    </message>
    <message>
        <source>Loại văn bản</source>
        <translation>Document type</translation>
    </message>
    <message>
        <source>Số, ký hiệu</source>
        <translation>Number and symbol</translation>
    </message>
    <message>
        <source>Ngày ban hành</source>
        <translation>Date issued</translation>
    </message>
    <message>
        <source>Trích yếu</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Căn cứ</source>
        <translation>Legal bases</translation>
    </message>
    <message>
        <source>Cột cơ quan</source>
        <translation>Agency columns</translation>
    </message>
    <message>
        <source>Cột giai đoạn</source>
        <translation>Phase columns</translation>
    </message>
</context>
<context>
    <name>PresentationDialog</name>
    <message>
        <source>Thêm tham luận</source>
        <translation>Add presentation</translation>
    </message>
    <message>
        <source>Cơ quan:</source>
        <translation>Organization:</translation>
    </message>
    <message>
        <source>Chủ đề:</source>
        <translation>Topic:</translation>
    </message>
    <message>
        <source>Tối đa (phút):</source>
        <translation>At most (minutes):</translation>
    </message>
    <message>
        <source>Hạn gửi bài:</source>
        <translation>Text due:</translation>
    </message>
</context>
<context>
    <name>ReferencePicker</name>
    <message>
        <source>Gõ tên cơ quan hoặc người (không dấu cũng được), hoặc ghi nguyên văn</source>
        <translation>Type an agency or a person (diacritics optional), or the words as printed</translation>
    </message>
    <message>
        <source>Ghi nguyên văn: “%1”</source>
        <translation>As printed: “%1”</translation>
    </message>
    <message>
        <source>Chưa chọn.</source>
        <translation>Nothing chosen.</translation>
    </message>
    <message>
        <source>Người trong danh sách.</source>
        <translation>A person from the list.</translation>
    </message>
    <message>
        <source>Gắn với cơ quan trong danh mục; in như đã ghi.</source>
        <translation>Linked to a catalogue agency; printed as written.</translation>
    </message>
    <message>
        <source>Cơ quan trong danh mục.</source>
        <translation>An agency from the catalogue.</translation>
    </message>
    <message>
        <source>Ghi nguyên văn (chưa gắn với danh mục).</source>
        <translation>Words as printed (not linked to the catalogue).</translation>
    </message>
</context>
<context>
    <name>RegisterOfficeDialog</name>
    <message>
        <source>Đăng ký văn phòng cấp dưới</source>
        <translation>Register a subordinate office</translation>
    </message>
    <message>
        <source>Đăng ký một văn phòng trực thuộc văn phòng này và ghi tệp đăng ký của nó. Mang tệp sang máy của văn phòng mới (USB) và chọn “Thiết lập từ tệp đăng ký” khi mở ứng dụng lần đầu: máy đó nhận khóa và danh mục cơ quan, đơn vị của văn phòng này.</source>
        <translation>Register an office under this one and write its enrolment file. Take the file to the new office&apos;s computer (USB) and choose “Set up from an enrolment file” when the application first opens: that computer receives this office&apos;s key and organization catalogue.</translation>
    </message>
    <message>
        <source>Ví dụ: UBND xã Hòa Phú</source>
        <translation>For example: UBND xã Hòa Phú</translation>
    </message>
    <message>
        <source>Địa danh ghi trên văn bản, ví dụ: Hòa Phú</source>
        <translation>Place name printed on documents, for example: Hòa Phú</translation>
    </message>
    <message>
        <source>&amp;Chọn…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>&amp;Tên văn phòng:</source>
        <translation>Office &amp;name:</translation>
    </message>
    <message>
        <source>C&amp;ấp:</source>
        <translation>Le&amp;vel:</translation>
    </message>
    <message>
        <source>Đị&amp;a danh:</source>
        <translation>&amp;Place name:</translation>
    </message>
    <message>
        <source>Cấp trên:</source>
        <translation>Parent office:</translation>
    </message>
    <message>
        <source>Tệp đăng &amp;ký:</source>
        <translation>Enrolment &amp;file:</translation>
    </message>
    <message>
        <source>Đăng ký và &amp;ghi tệp</source>
        <translation>Register and &amp;write the file</translation>
    </message>
    <message>
        <source>Ghi tệp đăng ký</source>
        <translation>Write the enrolment file</translation>
    </message>
    <message>
        <source>Tệp đăng ký PTDS (*%1)</source>
        <translation>PTDS enrolment file (*%1)</translation>
    </message>
    <message>
        <source>Hãy chọn nơi ghi tệp đăng ký.</source>
        <translation>Choose where to write the enrolment file.</translation>
    </message>
    <message>
        <source>Không thấy thư mục %1 (USB đã cắm chưa?).</source>
        <translation>Folder %1 not found (is the USB stick plugged in?).</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Báo cáo tiến độ</source>
        <translation>Progress report</translation>
    </message>
    <message>
        <source>Đính kèm tệp…</source>
        <translation>Attach files…</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tỷ lệ hoàn thành</source>
        <translation>Percent complete</translation>
    </message>
    <message>
        <source>Nội dung báo cáo</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Tệp đính kèm báo cáo</source>
        <translation>Files attached to the report</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <source>Lọc báo cáo: văn phòng, kế hoạch, nhiệm vụ, nội dung… (không dấu cũng được)</source>
        <translation>Filter reports: office, plan, task, text… (diacritics optional)</translation>
    </message>
    <message>
        <source>Chưa có báo cáo tiến độ nào. Chọn một nhiệm vụ ở “Bảng nhiệm vụ” rồi nhấn “Báo cáo tiến độ…” (Ctrl+R).</source>
        <translation>No progress report yet. Choose a task in “Task matrix” and press “Report progress…” (Ctrl+R).</translation>
    </message>
    <message>
        <source>Không có báo cáo nào khớp bộ lọc.</source>
        <translation>No report matches the filter.</translation>
    </message>
    <message>
        <source>Nhấp đúp (hoặc Enter) để mở nhiệm vụ của báo cáo trong bảng nhiệm vụ</source>
        <translation>Double-click (or Enter) to open the report&apos;s task in the task matrix</translation>
    </message>
    <message>
        <source>%1 / %2 báo cáo</source>
        <translation>%1 / %2 reports</translation>
    </message>
    <message>
        <source>Đang tải báo cáo tiến độ…</source>
        <translation>Loading progress reports…</translation>
    </message>
</context>
<context>
    <name>RevokeKeyDialog</name>
    <message>
        <source>Thu hồi khóa của văn phòng</source>
        <translation>Revoke an office&apos;s key</translation>
    </message>
    <message>
        <source>Khi máy của một văn phòng do văn phòng này đăng ký bị mất: mọi văn phòng sẽ từ chối thay đổi ký bằng khóa của máy đó ghi sau thời điểm thu hồi, và giữ những thay đổi ghi trước đó. Sau đó ghi tệp đăng ký lại cho máy mới.</source>
        <translation>When the laptop of an office this office enrolled is lost: every office will refuse changes signed with that laptop&apos;s key made after the revocation moment, and keep the earlier ones. Then write a new enrolment file for the new laptop.</translation>
    </message>
    <message>
        <source>(đã thu hồi từ %1)</source>
        <translation>(revoked since %1)</translation>
    </message>
    <message>
        <source>&amp;Ngay bây giờ (giữ mọi thay đổi đã nhận)</source>
        <translation>&amp;Now (keeps every change received so far)</translation>
    </message>
    <message>
        <source>&amp;Từ lúc:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>Văn &amp;phòng:</source>
        <translation>&amp;Office:</translation>
    </message>
    <message>
        <source>Thu hồi:</source>
        <translation>Revoke:</translation>
    </message>
    <message>
        <source>&amp;Thu hồi…</source>
        <translation>&amp;Revoke…</translation>
    </message>
    <message>
        <source>Hãy gõ ngày thu hồi, ví dụ 15/06/2026.</source>
        <translation>Type the revocation date, for example 15/06/2026.</translation>
    </message>
    <message>
        <source>bây giờ</source>
        <translation>now</translation>
    </message>
    <message>
        <source>Thu hồi khóa</source>
        <translation>Revoke key</translation>
    </message>
    <message>
        <source>Thu hồi khóa của “%1”?</source>
        <translation>Revoke the key of “%1”?</translation>
    </message>
    <message>
        <source>Dấu vân tay khóa: %1
Từ: %2

Mọi văn phòng sẽ từ chối thay đổi ký bằng khóa này ghi sau thời điểm đó. Không hoàn tác được; máy mới của văn phòng cần tệp đăng ký mới.</source>
        <translation>Key fingerprint: %1
Since: %2

Every office will refuse changes signed with this key made after that moment. This cannot be undone; the office&apos;s new laptop needs a new enrolment file.</translation>
    </message>
</context>
<context>
    <name>RosterBoardDialog</name>
    <message>
        <source>Ban Chỉ huy</source>
        <translation>Command board</translation>
    </message>
    <message>
        <source>&amp;Cấp:</source>
        <translation>&amp;Level:</translation>
    </message>
    <message>
        <source>Tên địa &amp;phương:</source>
        <translation>&amp;Locality:</translation>
    </message>
    <message>
        <source>Ví dụ: tỉnh Đắk Lắk, xã Ea Kao</source>
        <translation>For example: tỉnh Đắk Lắk, xã Ea Kao</translation>
    </message>
    <message>
        <source>&amp;Tên Ban:</source>
        <translation>Board &amp;name:</translation>
    </message>
    <message>
        <source>Ví dụ: Ban Chỉ huy Phòng thủ dân sự tỉnh Đắk Lắk</source>
        <translation>For example: Ban Chỉ huy Phòng thủ dân sự tỉnh Đắk Lắk</translation>
    </message>
    <message>
        <source>Ủy ban &amp;nhân dân:</source>
        <translation>People&apos;s &amp;Committee:</translation>
    </message>
    <message>
        <source>Cơ quan thường t&amp;rực:</source>
        <translation>Standing a&amp;gency:</translation>
    </message>
</context>
<context>
    <name>RosterDecisionDialog</name>
    <message>
        <source>Quyết định</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>&amp;Loại quyết định:</source>
        <translation>&amp;Kind of decision:</translation>
    </message>
    <message>
        <source>Số, &amp;ký hiệu:</source>
        <translation>&amp;Number and symbol:</translation>
    </message>
    <message>
        <source>Ví dụ: 01620/QĐ-UBND</source>
        <translation>For example: 01620/QĐ-UBND</translation>
    </message>
    <message>
        <source>&amp;Ngày ký:</source>
        <translation>Signed &amp;on:</translation>
    </message>
    <message>
        <source>Cấp &amp;ban hành:</source>
        <translation>&amp;Issued by:</translation>
    </message>
    <message>
        <source>Ví dụ: Chủ tịch UBND tỉnh</source>
        <translation>For example: Chủ tịch UBND tỉnh</translation>
    </message>
    <message>
        <source>Người &amp;ký:</source>
        <translation>Si&amp;gner:</translation>
    </message>
    <message>
        <source>Ví dụ: Nguyễn Văn A</source>
        <translation>For example: Nguyễn Văn A</translation>
    </message>
    <message>
        <source>&amp;Chức vụ người ký:</source>
        <translation>Signer&apos;s &amp;title:</translation>
    </message>
    <message>
        <source>Ví dụ: Chủ tịch</source>
        <translation>For example: Chủ tịch</translation>
    </message>
    <message>
        <source>&amp;Trích yếu:</source>
        <translation>S&amp;ummary:</translation>
    </message>
    <message>
        <source>Ví dụ: Kiện toàn Ban Chỉ huy Phòng thủ dân sự tỉnh</source>
        <translation>For example: Kiện toàn Ban Chỉ huy Phòng thủ dân sự tỉnh</translation>
    </message>
    <message>
        <source>Bản &amp;quét:</source>
        <translation>S&amp;can:</translation>
    </message>
    <message>
        <source>(chưa đính kèm)</source>
        <translation>(none attached)</translation>
    </message>
    <message>
        <source>Chọn &amp;tệp…</source>
        <translation>Choose &amp;file…</translation>
    </message>
    <message>
        <source>&amp;Bỏ tệp</source>
        <translation>&amp;Remove file</translation>
    </message>
    <message>
        <source>Thành phần Ban theo quyết định</source>
        <translation>Board composition under this decision</translation>
    </message>
    <message>
        <source>Thành viên hiện tại — đánh dấu “Kết thúc” với người thôi tham gia Ban:</source>
        <translation>Current members — tick “Ends” for those leaving the board:</translation>
    </message>
    <message>
        <source>Thành viên mới:</source>
        <translation>New members:</translation>
    </message>
    <message>
        <source>Thêm thành viên &amp;mới…</source>
        <translation>Add a &amp;new member…</translation>
    </message>
    <message>
        <source>Bỏ thành viên mới đang &amp;chọn</source>
        <translation>Remove the &amp;selected new member</translation>
    </message>
</context>
<context>
    <name>RosterMemberDialog</name>
    <message>
        <source>Thành viên Ban Chỉ huy</source>
        <translation>Board member</translation>
    </message>
    <message>
        <source>Người</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Thêm người &amp;mới</source>
        <translation>&amp;New person</translation>
    </message>
    <message>
        <source>&amp;Họ và tên:</source>
        <translation>&amp;Full name:</translation>
    </message>
    <message>
        <source>Ví dụ: Nguyễn Thiên Văn</source>
        <translation>For example: Nguyễn Thiên Văn</translation>
    </message>
    <message>
        <source>Chức &amp;vụ:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>Ví dụ: Phó Chủ tịch UBND tỉnh</source>
        <translation>For example: Phó Chủ tịch UBND tỉnh</translation>
    </message>
    <message>
        <source>Cơ quan, đơn &amp;vị:</source>
        <translation>&amp;Organization:</translation>
    </message>
    <message>
        <source>Thêm cơ &amp;quan…</source>
        <translation>New or&amp;ganization…</translation>
    </message>
    <message>
        <source>Điện t&amp;hoại:</source>
        <translation>P&amp;hone:</translation>
    </message>
    <message>
        <source>Ví dụ: 0819.449.153</source>
        <translation>For example: 0819.449.153</translation>
    </message>
    <message>
        <source>Thư điện tử:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <source>Ví dụ: ten@daklak.gov.vn</source>
        <translation>For example: name@daklak.gov.vn</translation>
    </message>
    <message>
        <source>Chọn người &amp;đã có hoặc ghi chức vụ</source>
        <translation>&amp;Existing person, agency or position</translation>
    </message>
    <message>
        <source>Gõ tên người hoặc cơ quan (không dấu cũng được) rồi chọn trong danh sách; nếu quyết định chỉ ghi chức vụ (ví dụ “Giám đốc Sở Y tế”), ghi nguyên văn.</source>
        <translation>Type a person&apos;s or agency&apos;s name (diacritics optional) and pick it from the list; if the decision names only a position (e.g. “Director of the Health Department”), write it as printed.</translation>
    </message>
    <message>
        <source>Trong Ban Chỉ huy</source>
        <translation>On the board</translation>
    </message>
    <message>
        <source>Chức &amp;danh trong Ban:</source>
        <translation>Board &amp;role:</translation>
    </message>
    <message>
        <source>Chức vụ, đơn vị (in trong danh &amp;sách):</source>
        <translation>Position, organization (as &amp;printed):</translation>
    </message>
    <message>
        <source>Để trống: lấy chức vụ và đơn vị của người</source>
        <translation>Leave empty to use the person&apos;s title and organization</translation>
    </message>
    <message>
        <source>&amp;Lĩnh vực phụ trách:</source>
        <translation>Field of re&amp;sponsibility:</translation>
    </message>
    <message>
        <source>Quyết định bổ sung thành viên</source>
        <translation>Decision adding the member</translation>
    </message>
    <message>
        <source>Số, &amp;ký hiệu:</source>
        <translation>N&amp;umber and symbol:</translation>
    </message>
    <message>
        <source>Ví dụ: 01620/QĐ-UBND</source>
        <translation>For example: 01620/QĐ-UBND</translation>
    </message>
    <message>
        <source>Ngày &amp;ký:</source>
        <translation>Signed o&amp;n:</translation>
    </message>
    <message>
        <source>Cấp &amp;ban hành:</source>
        <translation>&amp;Issued by:</translation>
    </message>
    <message>
        <source>Ví dụ: Chủ tịch UBND tỉnh</source>
        <translation>For example: Chủ tịch UBND tỉnh</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>(chưa ghi tên)</source>
        <translation>(not named)</translation>
    </message>
    <message>
        <source>Quyết định chỉ ghi chức vụ, chưa ghi tên người.</source>
        <translation>The decision names the position only, not the holder.</translation>
    </message>
    <message>
        <source>nay</source>
        <translation>now</translation>
    </message>
</context>
<context>
    <name>RosterView</name>
    <message>
        <source>Quyết định kiện toàn Ban</source>
        <translation>Board decision</translation>
    </message>
    <message>
        <source>Danh sách thành viên</source>
        <translation>Member list</translation>
    </message>
    <message>
        <source>Phân công nhiệm vụ thành viên</source>
        <translation>Members&apos; duties</translation>
    </message>
    <message>
        <source>Xuất văn bản</source>
        <translation>Export document</translation>
    </message>
    <message>
        <source>Quyết định, danh sách thành viên, phân công nhiệm vụ ra PDF, Word, Excel (ngày đang xem)</source>
        <translation>Decision, member list, duties as PDF, Word, Excel (for the day shown)</translation>
    </message>
    <message>
        <source>Thành lập, &amp;kiện toàn…</source>
        <translation>Establish, &amp;reorganise…</translation>
    </message>
    <message>
        <source>Nhập quyết định: kết thúc và bổ sung thành viên trong một lần</source>
        <translation>Enter a decision: end and add members in one go</translation>
    </message>
    <message>
        <source>Thành viên hiện nay</source>
        <translation>Current members</translation>
    </message>
    <message>
        <source>Lịch sử</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Quyết định</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <source>Chưa có Ban Chỉ huy nào. Nhấn “Thêm Ban…” để bắt đầu.</source>
        <translation>No command board yet. Press “New board…” to start.</translation>
    </message>
    <message>
        <source>Xuất quyết định kiện toàn Ban</source>
        <translation>Export the board decision</translation>
    </message>
    <message>
        <source>Xuất danh sách thành viên</source>
        <translation>Export the member list</translation>
    </message>
    <message>
        <source>Xuất phân công nhiệm vụ</source>
        <translation>Export the members&apos; duties</translation>
    </message>
    <message>
        <source>Văn bản Word (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>Đã xuất %1</source>
        <translation>Exported %1</translation>
    </message>
    <message>
        <source>Chưa có quyết định thành lập.</source>
        <translation>No establishing decision yet.</translation>
    </message>
    <message>
        <source>Theo %1</source>
        <translation>Under %1</translation>
    </message>
    <message>
        <source>Đã ghi Quyết định số %1: thêm %2, kết thúc %3 thành viên.</source>
        <translation>Recorded decision %1: %2 added, %3 ended.</translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Sổ tính Excel (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>Đang xuất %1…</source>
        <translation>Exporting %1…</translation>
    </message>
</context>
<context>
    <name>SectionDialog</name>
    <message>
        <source>Thêm nhóm nhiệm vụ</source>
        <translation>Add task section</translation>
    </message>
    <message>
        <source>Số thứ tự</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Tên nhóm</source>
        <translation>Section title</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>Cơ sở dữ liệu trên máy chủ</source>
        <translation>Database on a server</translation>
    </message>
    <message>
        <source>Văn phòng cấp tỉnh dùng chung một cơ sở dữ liệu PostgreSQL trên máy chủ của cơ quan. Nhập địa chỉ do cán bộ công nghệ thông tin cung cấp. Mật khẩu không được lưu lại.</source>
        <translation>A provincial office&apos;s staff share one PostgreSQL database on the office&apos;s server. Enter the address your IT staff gave you. The password is not saved.</translation>
    </message>
    <message>
        <source>&amp;Máy chủ:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Cổng:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>Cơ sở &amp;dữ liệu:</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <source>&amp;Tên đăng nhập:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>Mật &amp;khẩu:</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <source>Kết &amp;nối</source>
        <translation>&amp;Connect</translation>
    </message>
    <message>
        <source>máy chủ</source>
        <translation>the host</translation>
    </message>
    <message>
        <source>cơ sở dữ liệu</source>
        <translation>the database</translation>
    </message>
    <message>
        <source>tên đăng nhập</source>
        <translation>the user name</translation>
    </message>
    <message>
        <source>Hãy nhập %1.</source>
        <translation>Enter %1.</translation>
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
        <source>Đồng bộ &amp;thư mục mỗi:</source>
        <translation>Sync the &amp;folder every:</translation>
    </message>
    <message>
        <source> phút</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Cảnh báo văn phòng không gửi gói về quá:</source>
        <translation>&amp;Warn of an office silent for over:</translation>
    </message>
    <message>
        <source> ngày</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Ngôn ngữ mới có hiệu lực khi mở lại ứng dụng.</source>
        <translation>The new language takes effect when the application is restarted.</translation>
    </message>
</context>
<context>
    <name>StaleEditDialog</name>
    <message>
        <source>Người khác vừa sửa</source>
        <translation>Changed by someone else</translation>
    </message>
    <message>
        <source>Trong lúc bạn sửa, người khác đã lưu các trường dưới đây. Chưa có gì được lưu. Bạn muốn giữ bản nào?</source>
        <translation>While you were editing, someone else saved the fields below. Nothing has been saved yet. Which version do you want to keep?</translation>
    </message>
    <message>
        <source>Trường</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Khi bạn mở</source>
        <translation>When you opened</translation>
    </message>
    <message>
        <source>Người khác đã lưu</source>
        <translation>Saved by the other person</translation>
    </message>
    <message>
        <source>Bạn vừa nhập</source>
        <translation>What you typed</translation>
    </message>
    <message>
        <source>(trống)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Ghi đè bằng bản của tôi</source>
        <translation>Overwrite with mine</translation>
    </message>
    <message>
        <source>Giữ bản của người khác</source>
        <translation>Keep theirs</translation>
    </message>
    <message>
        <source>Quay lại biểu mẫu</source>
        <translation>Back to the form</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <source>Sao chép hội nghị</source>
        <translation>Copy conference</translation>
    </message>
    <message>
        <source>Hội nghị mới theo mẫu sơ kết</source>
        <translation>New review conference</translation>
    </message>
    <message>
        <source>Ngày giờ họp:</source>
        <translation>Date and time:</translation>
    </message>
    <message>
        <source>Tên hội nghị:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <source>Mọi hạn dời theo ngày mới; trả lời, tham luận đã nhận và việc đã xong được xóa.</source>
        <translation>Every due date moves with the new date; replies, received presentations and done marks are cleared.</translation>
    </message>
    <message>
        <source>Ban Chỉ huy:</source>
        <translation>Board:</translation>
    </message>
</context>
<context>
    <name>SyncExportDialog</name>
    <message>
        <source>Xuất gói đồng bộ</source>
        <translation>Export sync bundle</translation>
    </message>
    <message>
        <source>&amp;Gửi cho:</source>
        <translation>&amp;Send to:</translation>
    </message>
    <message>
        <source>&amp;Lưu vào thư mục:</source>
        <translation>Save in &amp;folder:</translation>
    </message>
    <message>
        <source>&amp;Chọn…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>Gói đầy đủ (mọi thay đổi, kể cả những gì văn phòng nhận đã có)</source>
        <translation>Full bundle (every change, including what the recipient already has)</translation>
    </message>
    <message>
        <source>Thường chỉ cần gói các thay đổi mà văn phòng nhận chưa xác nhận. Chọn gói đầy đủ khi văn phòng nhận cài lại máy hoặc mất dữ liệu.</source>
        <translation>Usually only the changes the recipient has not acknowledged are needed. Choose a full bundle when the recipient reinstalled or lost data.</translation>
    </message>
</context>
<context>
    <name>SyncImportDialog</name>
    <message>
        <source>Nhập gói đồng bộ</source>
        <translation>Import sync bundle</translation>
    </message>
    <message>
        <source>Đã đối chiếu đúng, &amp;tin cậy văn phòng này</source>
        <translation>It matches: &amp;trust this office</translation>
    </message>
</context>
<context>
    <name>SyncLabels</name>
    <message>
        <source>Cấp trên</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>Cấp dưới</source>
        <translation>Subordinate</translation>
    </message>
    <message>
        <source>Văn phòng khác</source>
        <translation>Other office</translation>
    </message>
    <message>
        <source>Tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Tên tắt</source>
        <translation>Short name</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Tiêu đề, chức vụ</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Trực thuộc</source>
        <translation>Part of</translation>
    </message>
    <message>
        <source>Cơ quan, đơn vị</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Thư điện tử</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Đã xóa</source>
        <translation>Deleted</translation>
    </message>
</context>
<context>
    <name>SyncNotes</name>
    <message>
        <source>“%1” đã từ chối %2 thay đổi của văn phòng này (xem thẻ “Bị từ chối”).</source>
        <translation>“%1” refused %2 changes of this office (see the “Rejected” tab).</translation>
    </message>
    <message>
        <source>Chưa áp dụng được (chưa biết khóa văn phòng gốc): %1</source>
        <translation>Not applied yet (the originating office&apos;s key is unknown): %1</translation>
    </message>
    <message>
        <source>Số thay đổi chờ bản ghi chưa tới (gói trước còn thiếu): %1; sẽ tự áp dụng khi nhận đủ.</source>
        <translation>Changes waiting for a record not received yet (an earlier bundle is missing): %1; they apply once it arrives.</translation>
    </message>
    <message>
        <source>Số thay đổi bị từ chối vì văn phòng gốc không có quyền sửa bản ghi đó: %1</source>
        <translation>Changes rejected because their originating office may not change that record: %1</translation>
    </message>
    <message>
        <source>… và %1 thay đổi khác.</source>
        <translation>… and %1 more changes.</translation>
    </message>
    <message>
        <source>Đã xóa hẳn %1 dòng đã xóa mà mọi văn phòng đã xác nhận; chúng không quay lại nữa.</source>
        <translation>Purged %1 deleted records every office has acknowledged; they will not come back.</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <source>chưa</source>
        <translation>never</translation>
    </message>
    <message>
        <source>(trống)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <source>(bản ghi đã bị xóa)</source>
        <translation>(record deleted)</translation>
    </message>
    <message>
        <source>Văn phòng này</source>
        <translation>This office</translation>
    </message>
    <message>
        <source>Đọc dấu vân tay này cho văn phòng nhận gói khi họ nhập gói đầu tiên của văn phòng này.</source>
        <translation>Read this fingerprint to an office when it imports its first bundle from this office.</translation>
    </message>
    <message>
        <source>Tên:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Mã văn phòng:</source>
        <translation>Office id:</translation>
    </message>
    <message>
        <source>Dấu vân tay khóa:</source>
        <translation>Key fingerprint:</translation>
    </message>
    <message>
        <source>Thay đổi:</source>
        <translation>Changes:</translation>
    </message>
    <message>
        <source>Thư mục đồng bộ:</source>
        <translation>Sync folder:</translation>
    </message>
    <message>
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Một thư mục dùng chung (ổ mạng, hoặc thư mục được chương trình chia sẻ tệp giữ đồng bộ): khi ứng dụng mở, các gói gửi văn phòng này trong đó được nhập và gói cho các văn phòng khác được ghi vào, định kỳ.</source>
        <translation>A shared folder (a network drive, or a folder kept in step by a file-sharing program): while the app is open, the bundles for this office in it are imported and bundles for the other offices are written to it, on a schedule.</translation>
    </message>
    <message>
        <source>Đồng bộ thư mục &amp;ngay</source>
        <translation>Sync folder &amp;now</translation>
    </message>
    <message>
        <source>Nhập và ghi gói ở thư mục đồng bộ ngay, không chờ đến lượt</source>
        <translation>Import and write bundles in the sync folder now, without waiting for the schedule</translation>
    </message>
    <message>
        <source>&amp;Xác nhận khóa đúng…</source>
        <translation>&amp;Confirm the right key…</translation>
    </message>
    <message>
        <source>Gọi điện cho văn phòng đó, nhờ họ đọc dấu vân tay khóa (màn hình Đồng bộ của họ), rồi chọn đúng dấu vân tay ấy.</source>
        <translation>Phone that office, ask them to read their key fingerprint (on their Sync screen), then choose that fingerprint.</translation>
    </message>
    <message>
        <source>Đồng bộ qua &amp;USB…</source>
        <translation>Sync via &amp;USB…</translation>
    </message>
    <message>
        <source>Ghi gói cho mọi văn phòng lên USB và nhập các gói gửi cho văn phòng này</source>
        <translation>Write a bundle for every office to the USB stick and import the bundles addressed to this office</translation>
    </message>
    <message>
        <source>&amp;Xuất gói…</source>
        <translation>&amp;Export bundle…</translation>
    </message>
    <message>
        <source>Xuất gói thay đổi cho một văn phòng</source>
        <translation>Export a bundle of changes for an office</translation>
    </message>
    <message>
        <source>&amp;Nhập gói…</source>
        <translation>&amp;Import bundle…</translation>
    </message>
    <message>
        <source>Xem trước rồi nhập gói của văn phòng khác</source>
        <translation>Preview, then import another office&apos;s bundle</translation>
    </message>
    <message>
        <source>Đăn&amp;g ký văn phòng cấp dưới…</source>
        <translation>Re&amp;gister a subordinate office…</translation>
    </message>
    <message>
        <source>Đăng ký một văn phòng trực thuộc (xã, phường) và ghi tệp đăng ký để thiết lập máy của họ</source>
        <translation>Register an office under this one (commune, ward) and write the enrolment file that sets up its computer</translation>
    </message>
    <message>
        <source>&amp;Làm mới</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Đọc lại tình trạng đồng bộ (F5)</source>
        <translation>Reload the sync status (F5)</translation>
    </message>
    <message>
        <source>Không có xung đột nào cần xem lại.</source>
        <translation>No conflicts to review.</translation>
    </message>
    <message>
        <source>&amp;Khôi phục giá trị kia</source>
        <translation>Restore the &amp;other value</translation>
    </message>
    <message>
        <source>Đặt lại giá trị bị thay thế (hoặc khôi phục bản ghi đã bị xóa). Quyết định này được đồng bộ sang các văn phòng khác.</source>
        <translation>Put back the value that was replaced (or undelete the record). The decision syncs to the other offices.</translation>
    </message>
    <message>
        <source>&amp;Bỏ qua</source>
        <translation>&amp;Dismiss</translation>
    </message>
    <message>
        <source>Giữ giá trị hiện tại; xung đột không hiện nữa ở mọi văn phòng.</source>
        <translation>Keep the current value; the conflict disappears in every office.</translation>
    </message>
    <message>
        <source>Hai văn phòng sửa cùng một trường mà không biết nhau: giá trị mới hơn được giữ, giá trị kia ở đây để xem lại.</source>
        <translation>Two offices changed the same field without seeing each other&apos;s edit: the newer value is kept, the other is listed here for review.</translation>
    </message>
    <message>
        <source>Không có thay đổi nào bị từ chối. Một thay đổi bị từ chối khi văn phòng gửi không có quyền sửa bản ghi đó.</source>
        <translation>No rejected changes. A change is rejected when its sending office may not change that record.</translation>
    </message>
    <message>
        <source>Văn phòng trao đổi</source>
        <translation>Peer offices</translation>
    </message>
    <message>
        <source>Xung đột</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Bị từ chối</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>%1 thay đổi của văn phòng này, %2 chưa đóng gói lần nào</source>
        <translation>%1 changes made here, %2 not yet packed into a bundle</translation>
    </message>
    <message numerus="yes">
        <source>… và %n văn phòng khác cũng lâu không gửi gói về.</source>
        <translation>
            <numerusform>… and %n other office has sent no bundle for long.</numerusform>
            <numerusform>… and %n other offices have sent no bundle for long.</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ “%1” không gửi gói về đã %2 ngày.</source>
        <translation>⚠ “%1” has sent no bundle for %2 days.</translation>
    </message>
    <message>
        <source>Họ còn thiếu %1 thay đổi, cũ nhất từ %2: hãy gửi gói và nhắc họ gửi gói về.</source>
        <translation>They lack %1 changes, the oldest from %2: send them a bundle and remind them to send one back.</translation>
    </message>
    <message>
        <source>Chưa có văn phòng nào để trao đổi. Việc đầu tiên: đăng ký văn phòng cấp dưới (xã, phường) và ghi tệp đăng ký của họ; mang tệp sang máy của họ để thiết lập. Nếu đã có gói của một văn phòng khác, hãy nhập gói đó.</source>
        <translation>No office to exchange with yet. First step: register a subordinate office (commune, ward) and write its enrolment file; take the file to its computer to set it up. If you already have a bundle from another office, import it.</translation>
    </message>
    <message>
        <source>Văn phòng này chưa trao đổi với văn phòng nào. Việc đầu tiên: nhập gói đồng bộ do cấp trên gửi (trên USB) và đối chiếu dấu vân tay khóa qua điện thoại. Máy mới cài thì nên thiết lập từ tệp đăng ký do cấp trên ghi, ngay khi mở ứng dụng lần đầu.</source>
        <translation>This office does not exchange with any office yet. First step: import the sync bundle your parent office sent (on the USB stick) and compare its key fingerprint by phone. A new installation is best set up from the enrolment file the parent office writes, when the application first opens.</translation>
    </message>
    <message>
        <source>Xung đột (%1)</source>
        <translation>Conflicts (%1)</translation>
    </message>
    <message>
        <source>Bị từ chối (%1)</source>
        <translation>Rejected (%1)</translation>
    </message>
    <message>
        <source>Xuất gói</source>
        <translation>Export bundle</translation>
    </message>
    <message>
        <source>Đang xuất gói đồng bộ…</source>
        <translation>Exporting the sync bundle…</translation>
    </message>
    <message>
        <source>Đã hủy xuất gói; không có tệp nào được ghi.</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <source>Không có văn phòng nào để gửi gói.</source>
        <translation>There is no office to send a bundle to.</translation>
    </message>
    <message numerus="yes">
        <source>Đã xuất %n gói.</source>
        <translation>
            <numerusform>Exported %n bundle.</numerusform>
            <numerusform>Exported %n bundles.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cho “%1”: %2 thay đổi, %3 KB — %4</source>
        <translation>For “%1”: %2 changes, %3 KB — %4</translation>
    </message>
    <message>
        <source>Đã đăng ký “%1” và ghi tệp đăng ký.</source>
        <translation>Registered “%1” and wrote its enrolment file.</translation>
    </message>
    <message>
        <source>Tệp: %1</source>
        <translation>File: %1</translation>
    </message>
    <message numerus="yes">
        <source>Tệp mang theo danh mục %n cơ quan, đơn vị của văn phòng này.</source>
        <translation>
            <numerusform>The file carries this office&apos;s catalogue of %n organization.</numerusform>
            <numerusform>The file carries this office&apos;s catalogue of %n organizations.</numerusform>
        </translation>
    </message>
    <message>
        <source>Mang tệp sang máy của “%1”; khi mở ứng dụng lần đầu, chọn “Thiết lập từ tệp đăng ký…”.</source>
        <translation>Take the file to the computer of “%1”; when the application first opens, choose “Set up from an enrolment file…”.</translation>
    </message>
    <message>
        <source>Máy đó sẽ hiện dấu vân tay khóa của văn phòng này để đối chiếu qua điện thoại: %1</source>
        <translation>That computer will show this office&apos;s key fingerprint to compare by phone: %1</translation>
    </message>
    <message>
        <source>Đăng ký văn phòng cấp dưới</source>
        <translation>Register a subordinate office</translation>
    </message>
    <message>
        <source>Chọn gói đồng bộ cần nhập</source>
        <translation>Choose the sync bundles to import</translation>
    </message>
    <message>
        <source>Gói đồng bộ PTDS (*%1);;Mọi tệp (*)</source>
        <translation>PTDS sync bundles (*%1);;All files (*)</translation>
    </message>
    <message>
        <source>Nhập gói</source>
        <translation>Import bundle</translation>
    </message>
    <message>
        <source>Đang kiểm tra gói…</source>
        <translation>Checking the bundle…</translation>
    </message>
    <message>
        <source>Bản sao lưu trước khi nhập: %1</source>
        <translation>Backup made before the import: %1</translation>
    </message>
    <message>
        <source>%1: %2 thêm mới, %3 cập nhật, %4 xóa, %5 xung đột, %6 từ chối</source>
        <translation>%1: %2 new, %3 updated, %4 deleted, %5 conflicts, %6 rejected</translation>
    </message>
    <message>
        <source>Chọn thư mục trên USB dùng để trao đổi gói</source>
        <translation>Choose the folder on the USB stick used to exchange bundles</translation>
    </message>
    <message>
        <source>Không thấy thư mục %1 (USB đã cắm chưa?).</source>
        <translation>Folder %1 not found (is the USB stick plugged in?).</translation>
    </message>
    <message>
        <source>Đồng bộ qua USB</source>
        <translation>Sync via USB</translation>
    </message>
    <message>
        <source>Đang đồng bộ với thư mục %1…</source>
        <translation>Syncing with folder %1…</translation>
    </message>
    <message>
        <source>Đã hủy đồng bộ qua USB; gói đang nhập dở không được áp dụng.</source>
        <translation>USB sync cancelled; the bundle being imported was not applied.</translation>
    </message>
    <message>
        <source>Đồng bộ qua USB xong: nhập %1 gói, ghi %2 gói vào %3.</source>
        <translation>USB sync done: imported %1 bundles, wrote %2 bundles to %3.</translation>
    </message>
    <message numerus="yes">
        <source>Không nhập được %n gói (gói vẫn nằm trên USB; nhấn “Xem gói lỗi…” để xem, hoặc xác nhận văn phòng lạ):</source>
        <translation>
            <numerusform>Could not import %n bundle (it stays on the stick; press “Review failed bundles…” to see why or to confirm an unknown office):</numerusform>
            <numerusform>Could not import %n bundles (they stay on the stick; press “Review failed bundles…” to see why or to confirm an unknown office):</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Xem gói lỗi…</source>
        <translation>&amp;Review failed bundles…</translation>
    </message>
    <message>
        <source>Xác nhận khóa đúng</source>
        <translation>Confirm the right key</translation>
    </message>
    <message>
        <source>Dấu vân tay mà văn phòng đó đọc qua điện thoại (các khóa khác sẽ bị từ chối):</source>
        <translation>The fingerprint that office read on the phone (the other keys will be refused):</translation>
    </message>
    <message>
        <source>Đã xác nhận khóa %1 của “%2”; các thay đổi giữ lại đã được áp dụng.</source>
        <translation>Confirmed key %1 of “%2”; the held changes have been applied.</translation>
    </message>
    <message>
        <source>(chưa chọn)</source>
        <translation>(none chosen)</translation>
    </message>
    <message>
        <source>Tự đồng bộ %1 phút một lần khi ứng dụng mở.</source>
        <translation>Synced every %1 minutes while the app is open.</translation>
    </message>
    <message>
        <source>Chọn thư mục đồng bộ dùng chung</source>
        <translation>Choose the shared sync folder</translation>
    </message>
    <message>
        <source>Thư mục đồng bộ: %1. Ứng dụng sẽ tự đồng bộ %2 phút một lần.</source>
        <translation>Sync folder: %1. The app will sync it every %2 minutes.</translation>
    </message>
    <message numerus="yes">
        <source>Đã khôi phục %n giá trị.</source>
        <translation>
            <numerusform>Restored %n value.</numerusform>
            <numerusform>Restored %n values.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Đã bỏ qua %n xung đột.</source>
        <translation>
            <numerusform>Dismissed %n conflict.</numerusform>
            <numerusform>Dismissed %n conflicts.</numerusform>
        </translation>
    </message>
    <message>
        <source>Đổi khóa &amp;ký…</source>
        <translation>Rotate signing &amp;key…</translation>
    </message>
    <message>
        <source>Tạo khóa ký mới cho văn phòng này; khóa cũ ký xác nhận khóa mới, các văn phòng khác nhận khóa mới qua gói kế tiếp</source>
        <translation>Make a new signing key for this office; the old key signs for the new one, other offices receive it in the next bundle</translation>
    </message>
    <message>
        <source>Thu &amp;hồi khóa…</source>
        <translation>Re&amp;voke a key…</translation>
    </message>
    <message>
        <source>Máy của một văn phòng cấp dưới bị mất: thu hồi khóa của máy đó và ghi tệp đăng ký lại cho máy mới</source>
        <translation>A subordinate office lost its laptop: revoke that laptop&apos;s key and write a new enrolment file for the new one</translation>
    </message>
    <message>
        <source>Đổi khóa ký</source>
        <translation>Rotate signing key</translation>
    </message>
    <message>
        <source>Tạo khóa ký mới cho văn phòng này?</source>
        <translation>Make a new signing key for this office?</translation>
    </message>
    <message>
        <source>Khóa hiện tại: %1
Khóa cũ ký xác nhận khóa mới; các văn phòng khác nhận khóa mới trong gói kế tiếp, những gì khóa cũ đã ký vẫn được công nhận. Sau khi đổi, hãy báo dấu vân tay mới cho văn phòng cấp trên.</source>
        <translation>Current key: %1
The old key signs for the new one; other offices receive the new key in the next bundle, and what the old key signed stays valid. Afterwards, tell the parent office the new fingerprint.</translation>
    </message>
    <message>
        <source>Đã đổi khóa ký. Dấu vân tay mới: %1 (khóa cũ: %2).</source>
        <translation>Signing key rotated. New fingerprint: %1 (old key: %2).</translation>
    </message>
    <message>
        <source>Đã thu hồi khóa của “%1” từ %2.</source>
        <translation>Revoked the key of “%1” since %2.</translation>
    </message>
    <message>
        <source>Dấu vân tay: %1</source>
        <translation>Fingerprint: %1</translation>
    </message>
    <message>
        <source>Các văn phòng khác nhận việc thu hồi trong gói kế tiếp của văn phòng này.</source>
        <translation>Other offices learn of the revocation in this office&apos;s next bundle.</translation>
    </message>
    <message numerus="yes">
        <source>%n thay đổi đã nhận bị từ chối.</source>
        <translation>
            <numerusform>%n change received is now refused.</numerusform>
            <numerusform>%n changes received are now refused.</numerusform>
        </translation>
    </message>
    <message>
        <source>Thu hồi khóa</source>
        <translation>Revoke key</translation>
    </message>
    <message>
        <source>&amp;Ghi tệp đăng ký cho máy mới…</source>
        <translation>&amp;Write the enrolment file for the new laptop…</translation>
    </message>
    <message>
        <source>Ghi tệp đăng ký lại</source>
        <translation>Write a new enrolment file</translation>
    </message>
    <message>
        <source>Tệp đăng ký PTDS (*%1)</source>
        <translation>PTDS enrolment file (*%1)</translation>
    </message>
    <message>
        <source>Đã ghi tệp đăng ký lại cho “%1”: %2. Máy mới chọn “Thiết lập từ tệp đăng ký…” khi mở lần đầu, rồi nhận lại toàn bộ dữ liệu trong gói kế tiếp của văn phòng này.</source>
        <translation>Wrote the new enrolment file for “%1”: %2. On the new laptop choose “Set up from an enrolment file…” at first start; it gets all its data back in this office&apos;s next bundle.</translation>
    </message>
    <message>
        <source>Cho “%1” (niêm phong): %2 thay đổi, %3 KB — %4</source>
        <translation>For “%1” (sealed): %2 changes, %3 KB — %4</translation>
    </message>
    <message>
        <source>Mã một lần: %1</source>
        <translation>One-time code: %1</translation>
    </message>
    <message>
        <source>Đọc mã này cho “%1” qua điện thoại khi họ thiết lập; KHÔNG gửi mã kèm tệp, KHÔNG ghi lên USB. Không có mã, tệp bị mất cũng không dùng được.</source>
        <translation>Read this code to “%1” on the phone when they set up; do NOT send it with the file, do NOT write it on the USB stick. Without the code, a lost file is of no use.</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Sửa nhiệm vụ</source>
        <translation>Edit task</translation>
    </message>
    <message>
        <source>Thêm nhiệm vụ</source>
        <translation>Add task</translation>
    </message>
    <message>
        <source>(không thuộc nhóm)</source>
        <translation>(no section)</translation>
    </message>
    <message>
        <source>Ví dụ: Thường xuyên; Quý I năm 2025; Trước ngày 15/6/2024</source>
        <translation>E.g. Thường xuyên; Quý I năm 2025; Trước ngày 15/6/2024</translation>
    </message>
    <message>
        <source>Nhóm</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Số thứ tự</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Thời gian thực hiện</source>
        <translation>Timeframe</translation>
    </message>
    <message>
        <source>Hoặc đánh dấu giai đoạn</source>
        <translation>Or mark phases</translation>
    </message>
    <message>
        <source>Sản phẩm</source>
        <translation>Deliverable</translation>
    </message>
    <message>
        <source>Cơ quan</source>
        <translation>Agencies</translation>
    </message>
    <message>
        <source>Giao cho văn phòng</source>
        <translation>Assigned offices</translation>
    </message>
    <message>
        <source>Theo giai đoạn: %1</source>
        <translation>By phase: %1</translation>
    </message>
    <message>
        <source>hạn %1</source>
        <translation>due %1</translation>
    </message>
</context>
<context>
    <name>TasksView</name>
    <message>
        <source>Lọc: nội dung, cơ quan… (không dấu cũng được)</source>
        <translation>Filter: content, agency… (diacritics optional)</translation>
    </message>
    <message>
        <source>Cơ quan chủ trì</source>
        <translation>Lead agency</translation>
    </message>
    <message>
        <source>Cơ quan phối hợp</source>
        <translation>Coordinating agencies</translation>
    </message>
    <message>
        <source>Mọi tình trạng</source>
        <translation>Any status</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Bảng nhiệm vụ</source>
        <translation>Task matrix</translation>
    </message>
    <message>
        <source>Tiến độ theo cơ quan</source>
        <translation>Progress by agency</translation>
    </message>
    <message>
        <source>Mọi báo cáo tiến độ</source>
        <translation>All progress reports</translation>
    </message>
    <message>
        <source>&amp;Thêm…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <source>Thêm nhiệm vụ vào nhóm đang chọn</source>
        <translation>Add a task to the selected section</translation>
    </message>
    <message>
        <source>&amp;Sửa…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>Sửa nhiệm vụ, cơ quan, văn phòng được giao</source>
        <translation>Edit the task, its agencies and assigned offices</translation>
    </message>
    <message>
        <source>&amp;Xóa</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Xóa nhiệm vụ đang chọn</source>
        <translation>Delete the selected task</translation>
    </message>
    <message>
        <source>Lên</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Đưa lên</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Xuống</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Đưa xuống</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>&amp;Báo cáo tiến độ…</source>
        <translation>&amp;Report progress…</translation>
    </message>
    <message>
        <source>Báo cáo tiến độ nhiệm vụ đang chọn</source>
        <translation>Report progress on the selected task</translation>
    </message>
    <message>
        <source>&amp;Nhập Excel…</source>
        <translation>&amp;Import Excel…</translation>
    </message>
    <message>
        <source>Nhập bảng nhiệm vụ từ Excel thành kế hoạch mới</source>
        <translation>Import a task matrix from Excel as a new plan</translation>
    </message>
    <message>
        <source>&amp;Xuất Excel…</source>
        <translation>E&amp;xport Excel…</translation>
    </message>
    <message>
        <source>Xuất bảng nhiệm vụ của kế hoạch ra Excel</source>
        <translation>Export the plan&apos;s task matrix to Excel</translation>
    </message>
    <message>
        <source>Kế hoạch &amp;mới…</source>
        <translation>&amp;New plan…</translation>
    </message>
    <message>
        <source>Sửa &amp;kế hoạch…</source>
        <translation>Edit &amp;plan…</translation>
    </message>
    <message>
        <source>Thêm &amp;nhóm nhiệm vụ…</source>
        <translation>Add &amp;section…</translation>
    </message>
    <message>
        <source>Kế hoạch</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>%1 / %2 nhiệm vụ</source>
        <translation>%1 / %2 tasks</translation>
    </message>
    <message>
        <source>Đã lưu nhiệm vụ.</source>
        <translation>Task saved.</translation>
    </message>
    <message>
        <source>Đã xóa nhiệm vụ.</source>
        <translation>Task deleted.</translation>
    </message>
    <message>
        <source>Đã ghi báo cáo tiến độ.</source>
        <translation>Progress report saved.</translation>
    </message>
    <message>
        <source>Nhập bảng nhiệm vụ từ Excel</source>
        <translation>Import a task matrix from Excel</translation>
    </message>
    <message>
        <source>Sổ tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>%1 nhóm, %2 nhiệm vụ; %3 cơ quan khớp danh mục, %4 giữ nguyên chữ.</source>
        <translation>%1 sections, %2 tasks; %3 agencies matched to the catalogue, %4 kept as words.</translation>
    </message>
    <message>
        <source>Chưa nhập được</source>
        <translation>Not imported</translation>
    </message>
    <message>
        <source>Có %1 dòng chưa hiểu được; chưa có gì được ghi.</source>
        <translation>%1 rows were not understood; nothing was written.</translation>
    </message>
    <message>
        <source>Nhập bảng nhiệm vụ</source>
        <translation>Import task matrix</translation>
    </message>
    <message>
        <source>Tạo kế hoạch “%1”?</source>
        <translation>Create the plan “%1”?</translation>
    </message>
    <message>
        <source>Đã nhập %1 nhiệm vụ.</source>
        <translation>Imported %1 tasks.</translation>
    </message>
    <message>
        <source>Xuất bảng nhiệm vụ ra Excel</source>
        <translation>Export the task matrix to Excel</translation>
    </message>
    <message>
        <source>Đã xuất vào %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <source>Kế hoạch chưa có nhiệm vụ nào. Nhấn “Thêm…” (Ctrl+N) để thêm nhiệm vụ đầu tiên.</source>
        <translation>The plan has no tasks yet. Press “Add…” (Ctrl+N) to add the first one.</translation>
    </message>
    <message>
        <source>Không có nhiệm vụ nào khớp bộ lọc.</source>
        <translation>No task matches the filters.</translation>
    </message>
    <message>
        <source>Chưa có kế hoạch nào. Nhấn “Nhập Excel…” để nhập bảng nhiệm vụ của một kế hoạch, hoặc chọn “Kế hoạch mới…” trong nút Kế hoạch.</source>
        <translation>No plan yet. Press “Import Excel…” to import the task table of a plan, or choose “New plan…” under the Plan button.</translation>
    </message>
</context>
<context>
    <name>VenueDialog</name>
    <message>
        <source>Thêm điểm cầu</source>
        <translation>Add venue</translation>
    </message>
    <message>
        <source>Loại:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <source>Tên điểm cầu:</source>
        <translation>Venue name:</translation>
    </message>
    <message>
        <source>Địa chỉ:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Chủ trì:</source>
        <translation>Chair:</translation>
    </message>
</context>
</TS>

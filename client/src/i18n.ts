/** Vietnamese by default, English on request. Both dictionaries must carry the same keys (a unit test checks). */
const vi = {
  'app.title': 'CityTwin – Bản đồ giám sát',
  'signin.title': 'Đăng nhập bằng khóa API',
  'signin.key': 'Khóa API',
  'signin.submit': 'Đăng nhập',
  'signin.hint': 'Khóa phát triển nằm trong .data/dev-keys.json (vai trò operator).',
  'signin.invalid': 'Khóa không hợp lệ hoặc bị từ chối.',
  'signin.out': 'Đăng xuất',
  'conn.connecting': 'Đang kết nối…',
  'conn.connected': 'Đã kết nối',
  'conn.reconnecting': 'Mất kết nối – đang thử lại…',
  'conn.closed': 'Đã ngắt kết nối',
  'lang.switch': 'English',
  'alerts.title': 'Cảnh báo',
  'alerts.unread': 'chưa đọc',
  'alerts.empty': 'Chưa có cảnh báo.',
  'alerts.sound': 'Âm thanh',
  'alerts.markRead': 'Đánh dấu đã đọc',
  'alert.watchlistHit': 'Xe trong danh sách theo dõi',
  'alert.incidentOpened': 'Sự cố mới',
  'alert.imaging': 'Kết quả chụp X-quang bất thường',
  'layers.title': 'Lớp bản đồ',
  'layers.cameras': 'Camera',
  'layers.sightings': 'Nhận dạng biển số',
  'layers.incidents': 'Sự cố',
  'layers.stores': 'Chợ, cửa hàng',
  'layers.schools': 'Trường học',
  'layers.clinics': 'Cơ sở y tế',
  'layers.wards': 'Phường (bản đồ màu)',
  'wards.metric': 'Chỉ số phường',
  'wards.cameraCount': 'Số camera',
  'wards.openIncidentCount': 'Sự cố đang mở',
  'wards.storeCount': 'Cửa hàng',
  'wards.schoolCount': 'Trường học',
  'wards.clinicCount': 'Cơ sở y tế',
  'wards.coverage': 'Độ phủ camera',
  'search.placeholder': 'Biển số, camera hoặc địa điểm',
  'search.submit': 'Tìm',
  'search.none': 'Không tìm thấy',
  'search.tooLong': 'Từ khóa quá dài (tối đa 64 ký tự).',
  'search.empty': 'Nhập biển số, camera hoặc địa điểm.',
  'watch.title': 'Thêm biển số vào danh sách theo dõi',
  'watch.plate': 'Biển số',
  'watch.reason': 'Lý do',
  'watch.reasonDefault': 'mất cắp',
  'watch.submit': 'Theo dõi',
  'watch.added': 'Đã thêm vào danh sách theo dõi',
  'watch.reasonRequired': 'Cần nhập lý do.',
  'plate.empty': 'Chưa nhập biển số.',
  'plate.tooLong': 'Biển số quá dài.',
  'plate.illegalChar': 'Ký tự không hợp lệ trong biển số',
  'plate.province': 'Biển số phải bắt đầu bằng mã tỉnh hai chữ số.',
  'plate.unknownProvince': 'Mã tỉnh không tồn tại',
  'plate.series': 'Sê-ri biển số không hợp lệ',
  'plate.number': 'Số đăng ký phải có 5 chữ số (4 với biển cũ)',
  'camera.title': 'Camera',
  'camera.status': 'Trạng thái',
  'camera.online': 'Hoạt động',
  'camera.offline': 'Mất tín hiệu',
  'camera.kind': 'Loại',
  'camera.road': 'Tuyến đường',
  'camera.snapshot': 'Ảnh mới nhất',
  'camera.noSnapshot': 'Chưa có ảnh chụp.',
  'camera.reads': 'Biển số đọc gần đây',
  'camera.noReads': 'Chưa có lượt đọc.',
  'vehicle.title': 'Phương tiện',
  'vehicle.trace': 'Hành trình',
  'vehicle.watched': 'Đang theo dõi',
  'vehicle.notWatched': 'Không theo dõi',
  'vehicle.unknown': 'Chưa có camera nào đọc được biển số này.',
  'vehicle.predicted': 'Camera dự đoán tiếp theo',
  'vehicle.speed': 'Tốc độ',
  'incident.title': 'Sự cố',
  'incident.kind': 'Loại',
  'incident.status': 'Trạng thái',
  'incident.detectedAt': 'Phát hiện lúc',
  'incident.responseClock': 'Thời gian phản ứng',
  'incident.confirm': 'Xác nhận',
  'incident.dispatch': 'Điều đội',
  'incident.onScene': 'Đã đến hiện trường',
  'incident.resolve': 'Hoàn tất',
  'incident.filterKinds': 'Loại sự cố',
  'incident.filterStatus': 'Trạng thái',
  'incident.showResolved': 'Hiện sự cố đã xử lý',
  'kind.FIRE': 'Cháy',
  'kind.SMOKE': 'Khói',
  'kind.ILLEGAL_DUMPING': 'Đổ rác trái phép',
  'kind.TRAFFIC_JAM': 'Ùn tắc',
  'kind.ACCIDENT': 'Tai nạn',
  'status.DETECTED': 'Phát hiện',
  'status.CONFIRMED': 'Đã xác nhận',
  'status.DISPATCHED': 'Đã điều đội',
  'status.ON_SCENE': 'Tại hiện trường',
  'status.RESOLVED': 'Đã xử lý',
  'place.orders': 'Đơn hàng',
  'place.sessions': 'Phiên livestream',
  'place.revenue': 'Doanh thu (VND)',
  'place.pupils': 'Học sinh',
  'place.remoteClasses': 'Lớp học từ xa',
  'place.studies': 'Ca chụp',
  'place.aiResults': 'Kết quả AI',
  'place.abnormal': 'Bất thường',
  'problems.title': 'Lỗi',
  'problems.dismiss': 'Đóng',
  'problems.malformed': 'Sự kiện không hợp lệ bị bỏ qua',
  'problems.server': 'Lỗi máy chủ',
  'problems.socket': 'Kết nối trực tiếp bị ngắt',
  'common.close': 'Đóng',
  'common.loading': 'Đang tải…',
  'common.ward': 'Phường',
} as const;

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  'app.title': 'CityTwin – Operations map',
  'signin.title': 'Sign in with an API key',
  'signin.key': 'API key',
  'signin.submit': 'Sign in',
  'signin.hint': 'Development keys are in .data/dev-keys.json (operator role).',
  'signin.invalid': 'The key is invalid or was refused.',
  'signin.out': 'Sign out',
  'conn.connecting': 'Connecting…',
  'conn.connected': 'Connected',
  'conn.reconnecting': 'Connection lost – retrying…',
  'conn.closed': 'Disconnected',
  'lang.switch': 'Tiếng Việt',
  'alerts.title': 'Alerts',
  'alerts.unread': 'unread',
  'alerts.empty': 'No alerts yet.',
  'alerts.sound': 'Sound',
  'alerts.markRead': 'Mark all read',
  'alert.watchlistHit': 'Watch-listed vehicle',
  'alert.incidentOpened': 'New incident',
  'alert.imaging': 'Abnormal X-ray finding',
  'layers.title': 'Layers',
  'layers.cameras': 'Cameras',
  'layers.sightings': 'Plate sightings',
  'layers.incidents': 'Incidents',
  'layers.stores': 'Markets and stores',
  'layers.schools': 'Schools',
  'layers.clinics': 'Clinics',
  'layers.wards': 'Wards (choropleth)',
  'wards.metric': 'Ward aggregate',
  'wards.cameraCount': 'Cameras',
  'wards.openIncidentCount': 'Open incidents',
  'wards.storeCount': 'Stores',
  'wards.schoolCount': 'Schools',
  'wards.clinicCount': 'Clinics',
  'wards.coverage': 'Camera coverage',
  'search.placeholder': 'Plate, camera or place',
  'search.submit': 'Search',
  'search.none': 'Nothing found',
  'search.tooLong': 'Search text is too long (at most 64 characters).',
  'search.empty': 'Type a plate, a camera or a place.',
  'watch.title': 'Add a plate to the watchlist',
  'watch.plate': 'Plate',
  'watch.reason': 'Reason',
  'watch.reasonDefault': 'stolen',
  'watch.submit': 'Watch',
  'watch.added': 'Added to the watchlist',
  'watch.reasonRequired': 'A reason is required.',
  'plate.empty': 'No plate entered.',
  'plate.tooLong': 'The plate is too long.',
  'plate.illegalChar': 'Illegal character in the plate',
  'plate.province': 'A plate starts with a two-digit province code.',
  'plate.unknownProvince': 'Unknown province code',
  'plate.series': 'Invalid plate series',
  'plate.number': 'The number has 5 digits (4 on older plates)',
  'camera.title': 'Camera',
  'camera.status': 'Status',
  'camera.online': 'Online',
  'camera.offline': 'Offline',
  'camera.kind': 'Kind',
  'camera.road': 'Road',
  'camera.snapshot': 'Latest snapshot',
  'camera.noSnapshot': 'No snapshot yet.',
  'camera.reads': 'Recent plate reads',
  'camera.noReads': 'No reads yet.',
  'vehicle.title': 'Vehicle',
  'vehicle.trace': 'Trace',
  'vehicle.watched': 'Watched',
  'vehicle.notWatched': 'Not watched',
  'vehicle.unknown': 'No camera has read this plate yet.',
  'vehicle.predicted': 'Predicted next cameras',
  'vehicle.speed': 'Speed',
  'incident.title': 'Incident',
  'incident.kind': 'Kind',
  'incident.status': 'Status',
  'incident.detectedAt': 'Detected at',
  'incident.responseClock': 'Response time',
  'incident.confirm': 'Confirm',
  'incident.dispatch': 'Dispatch',
  'incident.onScene': 'On scene',
  'incident.resolve': 'Resolve',
  'incident.filterKinds': 'Incident kinds',
  'incident.filterStatus': 'Status',
  'incident.showResolved': 'Show resolved incidents',
  'kind.FIRE': 'Fire',
  'kind.SMOKE': 'Smoke',
  'kind.ILLEGAL_DUMPING': 'Illegal dumping',
  'kind.TRAFFIC_JAM': 'Traffic jam',
  'kind.ACCIDENT': 'Accident',
  'status.DETECTED': 'Detected',
  'status.CONFIRMED': 'Confirmed',
  'status.DISPATCHED': 'Dispatched',
  'status.ON_SCENE': 'On scene',
  'status.RESOLVED': 'Resolved',
  'place.orders': 'Orders',
  'place.sessions': 'Livestream sessions',
  'place.revenue': 'Revenue (VND)',
  'place.pupils': 'Pupils',
  'place.remoteClasses': 'Remote classes',
  'place.studies': 'Studies',
  'place.aiResults': 'AI results',
  'place.abnormal': 'Abnormal',
  'problems.title': 'Problems',
  'problems.dismiss': 'Dismiss',
  'problems.malformed': 'Malformed event ignored',
  'problems.server': 'Server error',
  'problems.socket': 'Live connection dropped',
  'common.close': 'Close',
  'common.loading': 'Loading…',
  'common.ward': 'Ward',
};

export type Language = 'vi' | 'en';
export const dictionaries: Record<Language, Record<MessageKey, string>> = { vi, en };

const LANGUAGE_KEY = 'citytwin.lang';
let current: Language = readStoredLanguage();
const listeners = new Set<() => void>();

function readStoredLanguage(): Language {
  try {
    return globalThis.localStorage?.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function t(key: MessageKey): string {
  return dictionaries[current][key] ?? key;
}

/** Looks up a key built at run time (enum values); unknown ones show as they are. */
export function tDynamic(prefix: 'kind' | 'status', value: string): string {
  const key = `${prefix}.${value}` as MessageKey;
  return key in dictionaries[current] ? dictionaries[current][key] : value;
}

export function language(): Language {
  return current;
}

export function setLanguage(next: Language): void {
  current = next;
  try {
    globalThis.localStorage?.setItem(LANGUAGE_KEY, next);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = next;
  listeners.forEach((l) => l());
}

export function onLanguageChange(listener: () => void): void {
  listeners.add(listener);
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '–' : date.toLocaleTimeString(current === 'vi' ? 'vi-VN' : 'en-GB');
}

//! The UI kit's own texts: words every page uses (pagination, filters, not found…).

use crate::kernel::i18n::texts;

texts! {
    pub struct Ui {
        IpAddress => "Alamat IP", "IP address";
        Site => "Lokasi", "Site";
        All => "Semua", "All";
        ApplyFilters => "Cari", "Search";
        Previous => "Sebelumnya", "Previous";
        Next => "Berikutnya", "Next";
        PageOf => "Halaman {page} dari {pages}", "Page {page} of {pages}";
        Pagination => "Halaman", "Pages";
        Cancel => "Batal", "Cancel";
        Optional => "(opsional)", "(optional)";
        NotFoundTitle => "Halaman tidak ditemukan", "Page not found";
        NotFoundText => "Alamat ini tidak ada. Periksa kembali alamatnya atau kembali ke beranda.", "There is nothing at this address. Check it, or go back to the start page.";
        BackHome => "Kembali ke beranda", "Back to the start page";
        ForbiddenTitle => "Akses ditolak", "Access denied";
        ForbiddenText => "Akun Anda tidak punya izin membuka halaman ini.", "Your account may not open this page.";
        ErrorTitle => "Terjadi kesalahan", "Something went wrong";
        Loading => "Memuat…", "Loading…";
    }
}

#include "upload_support.hpp"

#include <soci/soci.h>

#include "storage/database.hpp"

namespace tsunagu::testing {
namespace {

constexpr const char* kBoundary = kMultipartBoundary;

}  // namespace

// CRLF line ends and binary bytes in the header comment, with a correct xref table.
std::string SmallPdf(const std::string& text) {
  std::string pdf = "%PDF-1.4\r\n%\xE2\xE3\xCF\xD3\r\n";
  std::vector<std::size_t> offsets;
  const std::string stream = "BT /F1 12 Tf 20 100 Td (" + text + ") Tj ET";
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << "
      "/Font << /F1 5 0 R >> >> >>",
      "<< /Length " + std::to_string(stream.size()) + " >>\r\nstream\r\n" + stream +
          "\r\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\r\n" + objects[i] + "\r\nendobj\r\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\r\n0 " + std::to_string(objects.size() + 1) + "\r\n0000000000 65535 f\r\n";
  for (auto off : offsets) {
    std::string n = std::to_string(off);
    pdf += std::string(10 - n.size(), '0') + n + " 00000 n\r\n";
  }
  pdf += "trailer\r\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\r\nstartxref\r\n" + std::to_string(xref) + "\r\n%%EOF\r\n";
  return pdf;
}

std::string TinyPng() {
  static const unsigned char kPng[] = {
      0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48,
      0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00,
      0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78,
      0x9C, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00,
      0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};
  return std::string(reinterpret_cast<const char*>(kPng), sizeof kPng);
}

std::string MultipartBody(const std::vector<std::pair<std::string, std::string>>& fields,
                          const std::vector<FilePart>& files) {
  std::string body;
  for (const auto& [name, value] : fields) {
    body += std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + name +
            "\"\r\n\r\n" + value + "\r\n";
  }
  for (const auto& f : files) {
    body += std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"" +
            f.field + "\"; filename=\"" + f.filename + "\"\r\nContent-Type: " + f.content_type +
            "\r\n\r\n" + f.data + "\r\n";
  }
  return body + "--" + kBoundary + "--\r\n";
}

HttpResult PostMultipart(Client& c, const std::string& page, const std::string& target,
                         std::vector<std::pair<std::string, std::string>> fields,
                         const std::vector<FilePart>& files) {
  auto form = c.Get(page);
  fields.emplace_back("csrf_token", ExtractCsrf(form.body));
  return c.Request("POST", target, MultipartBody(fields, files),
                   {{"Content-Type", std::string("multipart/form-data; boundary=") + kBoundary}});
}

long long Count(TestServer& t, const std::string& sql) {
  auto n = t.app().db().Read<long long>([&](soci::session& s) {
    long long v = 0;
    s << sql, soci::into(v);
    return v;
  });
  return n ? *n : -1;
}

std::vector<std::string> Column(TestServer& t, const std::string& sql) {
  auto rows = t.app().db().Read<std::vector<std::string>>([&](soci::session& s) {
    std::vector<std::string> out;
    soci::rowset<std::string> rs = (s.prepare << sql);
    for (const auto& v : rs) out.push_back(v);
    return out;
  });
  return rows ? *rows : std::vector<std::string>{};
}

}  // namespace tsunagu::testing

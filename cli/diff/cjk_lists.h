// Lists in sentences written without spaces (Chinese, Japanese): "包括但不限于模型和服务优化、相关研究、
// 品牌推广与宣传、市场营销、用户调研" -> "例如用于模型服务优化、品牌推广与宣传". Word-by-word comparison
// (word_edits.h) needs spaced words; here the items of an enumeration (split at the
// enumeration comma "、") are looked for in the other version's sentence.
#pragma once
#include <string>
#include <vector>

namespace consentlens::docs {

struct ListEdit {
  std::vector<std::string> dropped;  // items of `was` that `now` no longer holds
  std::vector<std::string> added;    // items of `now` that `was` did not hold
};

// For each enumeration of `was` and of `now` (clauses split at full-width and ASCII commas,
// semicolons and colons; an enumeration has at least three items), its items that the other
// sentence does not contain, one edit per enumeration that lost or gained some. None when
// either sentence has spaces between its words.
std::vector<ListEdit> cjk_list_edits(const std::string& was, const std::string& now);

}  // namespace consentlens::docs

" Vim syntax file
" Language:    claims (claim annotation files checked by claimls)
" Filenames:   *.claims
"
" The same constructs as the VS Code TextMate grammar (editors/vscode/syntaxes):
" full-line comments, `actor NAME` / `claim ID` blocks at column 0, header
" fields (article, date, publisher) at column 0, indented `key: value` fields,
" values that continue on lines indented deeper than their field, quotes with
" ` ... ` / ` … ` elisions, stance values, actor names and claim references.
" See docs/format.md for the format.

if exists('b:current_syntax')
  finish
endif

let s:cpo_save = &cpo
set cpo&vim

syn case match
" A value may continue on any number of lines; look back far enough to find
" the field it belongs to.
syn sync minlines=50

" Comments: a line whose first non-blank character is '#'. A comment line also
" ends a continuation (the field regions below stop before it).
syn match claimsComment /^\s*#.*$/ contains=claimsTodo,claimsSuppression
syn keyword claimsTodo TODO FIXME XXX contained
syn match claimsSuppression /\<claimls:\s*ignore\>.*/ contained

" Block heads.
syn match claimsBlockKeyword /^actor\ze\%(\s\|$\)/ nextgroup=claimsActorName skipwhite
syn match claimsActorName /\S.\{-}\ze\s*$/ contained
syn match claimsBlockKeyword /^claim\ze\%(\s\|$\)/ nextgroup=claimsBadClaimId,claimsClaimId skipwhite
" A claim head is `claim ID` and nothing else; anything else there is an error.
" claimsClaimId is defined last, so it wins where both match.
syn match claimsBadClaimId /\S.*$/ contained
syn match claimsClaimId /[a-z0-9][a-z0-9-]*\ze\s*$/ contained

" Fields. Each is a region from `key:` to the end of the last line indented
" deeper than the field line (\z1 is the field's indentation). The key and its
" colon are claimsField; the region body is the value.
" The end pattern matches at the start of the first line that does not
" continue the value (less or equally indented, blank, or a comment).
" Generic fields (role, note, unknown keys) first: later definitions win.
syn region claimsValue matchgroup=claimsField start=/^\z(\s\+\)[a-z][a-z0-9-]*:/ end=/^\%(\z1\s\+[^ \t#]\)\@!/me=s-1
syn region claimsCueValue matchgroup=claimsField start=/^\z(\s\+\)cue:/ end=/^\%(\z1\s\+[^ \t#]\)\@!/me=s-1
syn region claimsQuote matchgroup=claimsField start=/^\z(\s\+\)quote:/ end=/^\%(\z1\s\+[^ \t#]\)\@!/me=s-1 contains=claimsElision
syn region claimsStanceValue matchgroup=claimsField start=/^\z(\s\+\)stance:/ end=/^\%(\z1\s\+[^ \t#]\)\@!/me=s-1 contains=claimsStance,claimsOtherStance
syn region claimsKindValue matchgroup=claimsField start=/^\z(\s\+\)kind:/ end=/^\%(\z1\s\+[^ \t#]\)\@!/me=s-1 contains=claimsKind
syn region claimsActorList matchgroup=claimsField start=/^\z(\s\+\)\%(source\|via\|aka\):/ end=/^\%(\z1\s\+[^ \t#]\)\@!/me=s-1 contains=claimsUnnamed,claimsActorRef,claimsComma
syn region claimsRelation matchgroup=claimsField start=/^\z(\s\+\)\%(disputes\|supports\|responds-to\):/ end=/^\%(\z1\s\+[^ \t#]\)\@!/me=s-1 contains=claimsClaimRef,claimsComma

" Header fields at column 0.
syn region claimsPathValue matchgroup=claimsField start=/^article:/ end=/^\%(\s\+[^ \t#]\)\@!/me=s-1
syn region claimsDateValue matchgroup=claimsField start=/^date:/ end=/^\%(\s\+[^ \t#]\)\@!/me=s-1 contains=claimsDate
syn region claimsActorList matchgroup=claimsField start=/^publisher:/ end=/^\%(\s\+[^ \t#]\)\@!/me=s-1 contains=claimsActorRef,claimsComma

" Values.
" ` ... ` or ` … ` (a line break counts as the space).
syn match claimsElision /\%(^\|\s\)\@1<=\%(\.\.\.\|…\)\ze\%(\s\|$\)/ contained
syn match claimsOtherStance /\a[[:alnum:]_-]*/ contained
syn match claimsStance /\<\%(asserts\|denies\|accuses\|concerns\|condemns\|questions\|predicts\|promises\)\>/ contained
syn match claimsKind /\<\%(person\|outlet\|government\|organization\|group\|anonymous\)\>/ contained
syn match claimsActorRef /[^, \t]\%([^,]*[^, \t]\)\=/ contained
syn match claimsUnnamed /\%(source:\s*\)\@<=unnamed\ze\s*$/ contained
syn match claimsClaimRef /[[:alnum:]][[:alnum:]_-]*/ contained
syn match claimsComma /,/ contained
syn match claimsDate /\<\d\{4}-\d\{2}-\d\{2}\>/ contained

" Links to standard highlight groups.
hi def link claimsComment       Comment
hi def link claimsTodo          Todo
hi def link claimsSuppression   PreProc
hi def link claimsBlockKeyword  Keyword
hi def link claimsClaimId       Identifier
hi def link claimsBadClaimId    Error
hi def link claimsActorName     Type
hi def link claimsActorRef      Type
hi def link claimsField         Statement
hi def link claimsQuote         String
hi def link claimsCueValue      String
hi def link claimsPathValue     String
hi def link claimsElision       Special
hi def link claimsStance        Constant
hi def link claimsKind          Constant
hi def link claimsUnnamed       Constant
hi def link claimsDate          Number
hi def link claimsClaimRef      Identifier
hi def link claimsComma         Delimiter

let b:current_syntax = 'claims'

let &cpo = s:cpo_save
unlet s:cpo_save

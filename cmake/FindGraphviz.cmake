# FindGraphviz: Graphviz's layout library (libgvc, Debian libgraphviz-dev)
# with the two plugins the report uses rather than every plugin of
# Graphviz's folder: the "dot" layout and the core renderers (SVG). The
# command loads them at run time (cli/graphviz.c, dlopen), by path, only
# when it draws: linked, they were loaded at every start of every verb.
#
# Result: target Graphviz::Headers (include directories only), variables
# Graphviz_FOUND, Graphviz_DOT_LAYOUT_SONAME and Graphviz_CORE_SONAME (the
# plugins' paths under their ABI names, libgvplugin_core.so.6: what the
# runtime package installs, without the development symlinks).
find_package(PkgConfig REQUIRED)
pkg_check_modules(GVC QUIET libgvc)
if(GVC_FOUND)
  pkg_get_variable(GVC_LIBDIR libgvc libdir)
endif()
find_library(Graphviz_DOT_LAYOUT NAMES gvplugin_dot_layout
             HINTS "${GVC_LIBDIR}/graphviz" PATH_SUFFIXES graphviz)
find_library(Graphviz_CORE NAMES gvplugin_core
             HINTS "${GVC_LIBDIR}/graphviz" PATH_SUFFIXES graphviz)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Graphviz
  REQUIRED_VARS GVC_FOUND Graphviz_DOT_LAYOUT Graphviz_CORE)

# libgvplugin_core.so -> libgvplugin_core.so.6.0.0 -> libgvplugin_core.so.6
function(_graphviz_soname library out)
  get_filename_component(real "${library}" REALPATH)
  string(REGEX REPLACE "(\\.so\\.[0-9]+)(\\.[0-9]+)*$" "\\1" soname "${real}")
  if(NOT EXISTS "${soname}")
    set(soname "${real}")
  endif()
  set(${out} "${soname}" PARENT_SCOPE)
endfunction()

if(Graphviz_FOUND AND NOT TARGET Graphviz::Headers)
  _graphviz_soname("${Graphviz_DOT_LAYOUT}" Graphviz_DOT_LAYOUT_SONAME)
  _graphviz_soname("${Graphviz_CORE}" Graphviz_CORE_SONAME)
  add_library(Graphviz::Headers INTERFACE IMPORTED)
  # Imported include directories are SYSTEM: Graphviz's headers are not
  # held to our warning flags.
  set_target_properties(Graphviz::Headers PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${GVC_INCLUDE_DIRS}")
endif()
mark_as_advanced(Graphviz_DOT_LAYOUT Graphviz_CORE)

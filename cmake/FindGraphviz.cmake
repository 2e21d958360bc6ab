# FindGraphviz: Graphviz's layout library (libgvc, Debian libgraphviz-dev)
# with the two plugins the report links in rather than loads at run time:
# the "dot" layout and the core renderers (SVG). Debian ships the plugins in
# LIBDIR/graphviz, outside the linker's search path, so the executables get
# that folder as their run path.
#
# Result: target Graphviz::Graphviz, variables Graphviz_FOUND,
# Graphviz_PLUGIN_DIR.
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

if(Graphviz_FOUND AND NOT TARGET Graphviz::Graphviz)
  get_filename_component(Graphviz_PLUGIN_DIR "${Graphviz_CORE}" DIRECTORY)
  add_library(Graphviz::Graphviz INTERFACE IMPORTED)
  # Imported include directories are SYSTEM: Graphviz's headers are not
  # held to our warning flags.
  set_target_properties(Graphviz::Graphviz PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${GVC_INCLUDE_DIRS}"
    INTERFACE_LINK_LIBRARIES
      "${Graphviz_DOT_LAYOUT};${Graphviz_CORE};${GVC_LINK_LIBRARIES}"
    INTERFACE_LINK_OPTIONS "LINKER:-rpath,${Graphviz_PLUGIN_DIR}")
endif()
mark_as_advanced(Graphviz_DOT_LAYOUT Graphviz_CORE)
